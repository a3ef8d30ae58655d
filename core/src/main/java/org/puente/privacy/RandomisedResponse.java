package org.puente.privacy;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The BLIP flips of a bit vector of fixed length (Alaggan, Gambs and Kermarrec 2012; Schnell and
 * Borgs 2016): every bit flipped independently with probability {@code p}, drawn in the equivalent
 * form that needs no logarithm — the number of flips from the binomial distribution B(bits, p)
 * (inverse CDF, one uniform draw against a table made once), then that many distinct positions
 * uniformly. The two forms give the same distribution of flip sets: under independent flips every
 * set of n positions is equally likely given n. Shared by the name and document encodings.
 * Immutable; the randomness comes from the caller.
 */
final class RandomisedResponse {

  private final int bits;
  private final double[] flipCountCdf;

  RandomisedResponse(int bits, double flipProbability) {
    if (bits < 1 || bits % 64 != 0) {
      throw new IllegalArgumentException("bits must be a positive multiple of 64, not " + bits);
    }
    this.bits = bits;
    this.flipCountCdf = flipCountCdf(bits, flipProbability);
  }

  /** Flips the bits of {@code vector} ({@code bits / 64} words) in place. */
  void apply(long[] vector, RandomGenerator random) {
    if (flipCountCdf.length == 0) {
      return;
    }
    double u = random.nextDouble();
    int count = 0;
    while (count < flipCountCdf.length - 1 && u >= flipCountCdf[count]) {
      count++;
    }
    long[] flips = new long[bits >>> 6];
    for (int drawn = 0; drawn < count; ) {
      int position = random.nextInt(bits);
      long bit = 1L << position;
      if ((flips[position >>> 6] & bit) == 0) {
        flips[position >>> 6] |= bit;
        drawn++;
      }
    }
    for (int w = 0; w < flips.length; w++) {
      vector[w] ^= flips[w];
    }
  }

  /**
   * P(N ≤ n) for N ~ B(bits, p), n = 0, 1, ..., up to where it is 1 in double precision (empty
   * without hardening). The last entry is set to 1 exactly, so the scan always ends.
   */
  private static double[] flipCountCdf(int n, double p) {
    if (p == 0.0) {
      return new double[0];
    }
    double[] cdf = new double[n + 1];
    // pmf(0) = (1-p)^n; pmf(k+1) = pmf(k) (n-k)/(k+1) p/(1-p), in logs to avoid underflow.
    double logPmf = n * Math.log1p(-p);
    double logRatio = Math.log(p) - Math.log1p(-p);
    double sum = 0;
    int last = n;
    for (int k = 0; k <= n; k++) {
      sum += Math.exp(logPmf);
      cdf[k] = Math.min(1.0, sum);
      if (cdf[k] >= 1.0) {
        last = k;
        break;
      }
      logPmf += Math.log(n - k) - Math.log(k + 1) + logRatio;
    }
    double[] trimmed = Arrays.copyOf(cdf, last + 1);
    trimmed[last] = 1.0;
    return trimmed;
  }
}
