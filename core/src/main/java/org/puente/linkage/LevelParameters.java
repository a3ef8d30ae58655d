package org.puente.linkage;

import static java.util.Objects.requireNonNull;

/**
 * The parameters of one agreement level: {@code m} = P(level | match), {@code u} = P(level |
 * non-match), both among pairs where the value is present on both sides.
 */
public record LevelParameters(String name, double m, double u) {

  public LevelParameters {
    requireNonNull(name, "name is null");
    if (!(m > 0.0 && m <= 1.0)) {
      throw new IllegalArgumentException("m of level " + name + " must be in (0, 1], not " + m);
    }
    if (!(u > 0.0 && u <= 1.0)) {
      throw new IllegalArgumentException("u of level " + name + " must be in (0, 1], not " + u);
    }
  }

  /** The match weight of the level in bits: log2(m / u). */
  public double bits() {
    return Math.log(m / u) / Math.log(2);
  }
}
