package org.puente.sdc;

import java.util.List;

/**
 * The perturbation table (ptable) of the cell-key method.
 *
 * <p>For a cell with value v and cell key k the noise d is the k-quantile of a fixed distribution
 * on -D..D: a discretised normal, its spread chosen so that its variance is exactly {@code
 * variance} (a normal truncated to ±D has less variance than its parameter). For small v the
 * distribution is restricted to the noises that keep v + d at 0 or at {@code smallestPublished} or
 * above, and renormalised; from v = D + smallestPublished on no noise is excluded, so the noise is
 * symmetric with mean 0. Zero stays zero.
 *
 * @param maxDeviation D, the largest noise in absolute value
 * @param variance V, the noise variance of unrestricted cells; below D(D+1)/3, the uniform's
 * @param smallestPublished the smallest non-zero value ever published (1 allows every value)
 */
public record CellKeyParameters(int maxDeviation, double variance, int smallestPublished) {

  public CellKeyParameters {
    if (maxDeviation < 1) {
      throw new IllegalArgumentException("maxDeviation must be at least 1: " + maxDeviation);
    }
    double uniform = maxDeviation * (maxDeviation + 1) / 3.0;
    if (!(variance > 0) || variance >= uniform) {
      throw new IllegalArgumentException(
          "variance must be in (0, " + uniform + ") for D=" + maxDeviation + ": " + variance);
    }
    // A value of D + 1 can reach at most 2D + 1 and cannot go to zero: it needs a value to go to.
    if (smallestPublished < 1 || smallestPublished > 2 * maxDeviation + 1) {
      throw new IllegalArgumentException(
          "smallestPublished must be in 1.." + (2 * maxDeviation + 1) + ": " + smallestPublished);
    }
  }

  /** One row of the ptable: for a cell of this value, the probability of this noise. */
  public record Entry(long value, int noise, double probability) {}

  /**
   * The whole ptable: rows for values 0 to D + smallestPublished; the last row applies to every
   * larger value.
   */
  public List<Entry> ptable() {
    return PerturbationTable.of(this).entries();
  }

  /** The noise for a cell of this value and this cell key. */
  public long noise(long value, double cellKey) {
    return PerturbationTable.of(this).noise(value, cellKey);
  }

  /** The published value: value plus noise. */
  public long perturb(long value, double cellKey) {
    return value + noise(value, cellKey);
  }
}
