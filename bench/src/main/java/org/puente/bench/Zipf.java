package org.puente.bench;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Zipf-distributed ranks for synthetic name populations: rank r has weight 1 / r^exponent. */
public final class Zipf {

  private Zipf() {}

  /** The cumulative distribution over ranks 1..size, normalised to end at 1. */
  public static double[] cdf(int size, double exponent) {
    double[] cdf = new double[size];
    double sum = 0;
    for (int rank = 1; rank <= size; rank++) {
      sum += 1.0 / Math.pow(rank, exponent);
      cdf[rank - 1] = sum;
    }
    for (int i = 0; i < size; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  /** A rank drawn from a cumulative distribution, as a 0-based index. */
  public static int draw(double[] cdf, RandomGenerator random) {
    int index = Arrays.binarySearch(cdf, random.nextDouble());
    return Math.min(cdf.length - 1, index >= 0 ? index : -index - 1);
  }
}
