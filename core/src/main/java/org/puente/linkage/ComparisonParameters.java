package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The m- and u-probabilities of one comparison's levels 1 and up (level 0, missing, has none). */
public record ComparisonParameters(Comparison comparison, List<LevelParameters> levels) {

  public ComparisonParameters {
    requireNonNull(comparison, "comparison is null");
    levels = List.copyOf(requireNonNull(levels, "levels is null"));
    if (levels.size() != comparison.levels().size()) {
      throw new IllegalArgumentException(
          comparison + " has " + comparison.levels().size() + " levels, not " + levels.size());
    }
    for (int i = 0; i < levels.size(); i++) {
      if (!levels.get(i).name().equals(comparison.levels().get(i))) {
        throw new IllegalArgumentException(
            comparison + " level " + (i + 1) + " is " + comparison.levels().get(i));
      }
    }
  }

  /** Parameters of level {@code level} (1 and up). */
  public LevelParameters level(int level) {
    return levels.get(level - 1);
  }

  static ComparisonParameters of(Comparison comparison, double[] m, double[] u) {
    LevelParameters[] levels = new LevelParameters[comparison.levels().size()];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = new LevelParameters(comparison.levels().get(i), m[i + 1], u[i + 1]);
    }
    return new ComparisonParameters(comparison, List.of(levels));
  }
}
