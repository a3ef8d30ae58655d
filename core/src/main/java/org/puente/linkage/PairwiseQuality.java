package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against the truth, over the records of the
 * truth: a pair of records is a true match when both carry the same truth label, and predicted when
 * both are in the same cluster (a record the clustering lacks is alone). Counted from the
 * contingency table of (label, cluster) without listing pairs: true positives Σ C(n_lc, 2),
 * predicted Σ C(n_c, 2), actual Σ C(n_l, 2).
 */
public record PairwiseQuality(long truePositives, long falsePositives, long falseNegatives) {

  public PairwiseQuality {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public static PairwiseQuality of(Map<Long, String> truth, Map<Long, Long> clusters) {
    requireNonNull(truth, "truth is null");
    requireNonNull(clusters, "clusters is null");
    Map<String, Long> labelSizes = new HashMap<>();
    Map<Object, Long> clusterSizes = new HashMap<>();
    Map<Cell, Long> cells = new HashMap<>();
    for (Map.Entry<Long, String> entry : truth.entrySet()) {
      String label = requireNonNull(entry.getValue(), "a truth label is null");
      Long cluster = clusters.get(entry.getKey());
      Object clusterKey = cluster != null ? cluster : new Alone(entry.getKey());
      labelSizes.merge(label, 1L, Long::sum);
      clusterSizes.merge(clusterKey, 1L, Long::sum);
      cells.merge(new Cell(label, clusterKey), 1L, Long::sum);
    }
    long truePositives = 0;
    for (long size : cells.values()) {
      truePositives += pairs(size);
    }
    long predicted = 0;
    for (long size : clusterSizes.values()) {
      predicted += pairs(size);
    }
    long actual = 0;
    for (long size : labelSizes.values()) {
      actual += pairs(size);
    }
    return new PairwiseQuality(truePositives, predicted - truePositives, actual - truePositives);
  }

  public double precision() {
    long predicted = truePositives + falsePositives;
    return predicted == 0 ? 1.0 : truePositives / (double) predicted;
  }

  public double recall() {
    long actual = truePositives + falseNegatives;
    return actual == 0 ? 1.0 : truePositives / (double) actual;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "TP %d, FP %d, FN %d: precision %.5f, recall %.5f, F1 %.5f",
        truePositives,
        falsePositives,
        falseNegatives,
        precision(),
        recall(),
        f1());
  }

  private record Cell(String label, Object cluster) {}

  /** The cluster of a record the clustering lacks: itself alone. */
  private record Alone(long record) {}

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }
}
