package org.puente.linkage;

import java.util.Arrays;

/**
 * One probability per comparison level (levels 1 and up; level 0, missing, holds 0): a set of m- or
 * u-probabilities. Each comparison's levels sum to 1. Immutable.
 */
public final class LevelProbabilities {

  private final double[][] values;

  private LevelProbabilities(double[][] values) {
    this.values = values;
  }

  /**
   * From {@code values[comparison ordinal][level]}; level 0 is ignored, levels 1 and up must be
   * positive and sum to 1 (within 1e-9) for each comparison.
   */
  public static LevelProbabilities of(double[][] values) {
    Comparison[] all = Comparison.all();
    if (values.length != all.length) {
      throw new IllegalArgumentException("one row per comparison: " + all.length);
    }
    double[][] copy = new double[all.length][];
    for (Comparison comparison : all) {
      double[] row = values[comparison.ordinal()];
      if (row.length != comparison.levelCount()) {
        throw new IllegalArgumentException(
            comparison + " has " + comparison.levelCount() + " levels including missing");
      }
      double sum = 0;
      for (int level = 1; level < row.length; level++) {
        if (!(row[level] > 0.0 && row[level] <= 1.0)) {
          throw new IllegalArgumentException(comparison + " level " + level + " not in (0, 1]");
        }
        sum += row[level];
      }
      if (Math.abs(sum - 1.0) > 1e-9) {
        throw new IllegalArgumentException(comparison + " levels sum to " + sum + ", not 1");
      }
      copy[comparison.ordinal()] = row.clone();
      copy[comparison.ordinal()][0] = 0.0;
    }
    return new LevelProbabilities(copy);
  }

  /** The probability of a level (1 and up) of a comparison. */
  public double get(Comparison comparison, int level) {
    if (level < 1 || level >= comparison.levelCount()) {
      throw new IllegalArgumentException(comparison + " has no level " + level);
    }
    return values[comparison.ordinal()][level];
  }

  /** {@code [comparison ordinal][level]}, a copy. */
  public double[][] toArray() {
    double[][] copy = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      copy[c] = values[c].clone();
    }
    return copy;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("LevelProbabilities[");
    for (Comparison comparison : Comparison.all()) {
      out.append(comparison.jsonName())
          .append('=')
          .append(
              Arrays.toString(
                  Arrays.copyOfRange(values[comparison.ordinal()], 1, comparison.levelCount())))
          .append(comparison.ordinal() + 1 < values.length ? ", " : "]");
    }
    return out.toString();
  }
}
