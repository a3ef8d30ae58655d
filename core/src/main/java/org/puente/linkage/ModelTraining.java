package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Estimates a {@link LinkageModel} without labels: u-probabilities from random record pairs (almost
 * all non-matches), then m-probabilities and the prior by expectation–maximisation over the
 * agreement-pattern counts of the blocked candidate pairs, with u held fixed.
 */
public final class ModelTraining {

  /** The smallest m EM may give a level, so that a level unseen among matches stays finite. */
  static final double MINIMUM_M = 1e-6;

  private static final double INITIAL_PRIOR = 0.1;

  private ModelTraining() {}

  /** u sampling, pattern counting and EM in one step. */
  public static LinkageModel train(
      List<LinkageRecord> records, LinkageSettings settings, RandomGenerator random) {
    LevelProbabilities u = sampleU(records, settings, random);
    EmResult em =
        expectationMaximisation(PatternCounts.blockedPairs(records, settings), u, settings);
    return model(settings, em.m(), u, em.prior());
  }

  /**
   * u-probabilities from {@link LinkageSettings#uSamplePairs} record pairs drawn uniformly (two
   * distinct records each). Among n records only about n of the n²/2 pairs match, so the sample is
   * non-matches up to a fraction of 1/n. Each level's count gets half a pseudo-count, so a level
   * never seen (exact document agreement, typically) has a small positive u instead of 0; that caps
   * its weight near log2(2·pairs) bits.
   */
  public static LevelProbabilities sampleU(
      List<LinkageRecord> records, LinkageSettings settings, RandomGenerator random) {
    requireNonNull(records, "records is null");
    requireNonNull(random, "random is null");
    if (records.size() < 2) {
      throw new IllegalArgumentException("u sampling needs at least two records");
    }
    LinkageRecord[] array = records.toArray(new LinkageRecord[0]);
    Levels levels = new Levels(settings);
    Comparison[] all = Comparison.all();
    long[][] counts = new long[all.length][];
    for (Comparison comparison : all) {
      counts[comparison.ordinal()] = new long[comparison.levelCount()];
    }
    int n = array.length;
    for (int s = 0; s < settings.uSamplePairs(); s++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      int pattern = levels.pattern(array[i], array[j]);
      for (Comparison comparison : all) {
        counts[comparison.ordinal()][comparison.levelIn(pattern)]++;
      }
    }
    double[][] u = new double[all.length][];
    for (Comparison comparison : all) {
      long[] row = counts[comparison.ordinal()];
      int levelCount = comparison.levelCount();
      long present = 0;
      for (int level = 1; level < levelCount; level++) {
        present += row[level];
      }
      double denominator = present + 0.5 * (levelCount - 1);
      u[comparison.ordinal()] = new double[levelCount];
      for (int level = 1; level < levelCount; level++) {
        u[comparison.ordinal()][level] = (row[level] + 0.5) / denominator;
      }
    }
    return LevelProbabilities.of(u);
  }

  /**
   * m-probabilities and the prior by EM over pattern counts, u fixed. Missing levels take no part
   * in a pattern's likelihood. Starts from m = 0.9 on each comparison's strongest level and the
   * rest halving down the levels, and λ = 0.1; stops when no m or λ moves by more than {@link
   * LinkageSettings#emTolerance}, or after {@link LinkageSettings#emIterations}. A comparison never
   * present in any pattern keeps its starting m (its weight is never used).
   */
  public static EmResult expectationMaximisation(
      PatternCounts counts, LevelProbabilities u, LinkageSettings settings) {
    requireNonNull(counts, "counts is null");
    requireNonNull(u, "u is null");
    if (counts.total() == 0) {
      throw new IllegalArgumentException("EM needs at least one candidate pair");
    }
    Comparison[] all = Comparison.all();
    int patterns = counts.distinct();
    int[][] levelsOf = new int[patterns][all.length];
    for (int k = 0; k < patterns; k++) {
      for (Comparison comparison : all) {
        levelsOf[k][comparison.ordinal()] = comparison.levelIn(counts.pattern(k));
      }
    }
    double[][] uArray = u.toArray();
    double[][] m = initialM();
    double prior = INITIAL_PRIOR;
    int iteration = 0;
    boolean converged = false;
    while (iteration < settings.emIterations() && !converged) {
      iteration++;
      double[][] numerator = new double[all.length][];
      double[] denominator = new double[all.length];
      for (Comparison comparison : all) {
        numerator[comparison.ordinal()] = new double[comparison.levelCount()];
      }
      double matches = 0;
      for (int k = 0; k < patterns; k++) {
        double pm = prior;
        double pu = 1 - prior;
        for (int c = 0; c < all.length; c++) {
          int level = levelsOf[k][c];
          if (level != Comparison.MISSING) {
            pm *= m[c][level];
            pu *= uArray[c][level];
          }
        }
        double expected = counts.count(k) * (pm / (pm + pu));
        matches += expected;
        for (int c = 0; c < all.length; c++) {
          int level = levelsOf[k][c];
          if (level != Comparison.MISSING) {
            numerator[c][level] += expected;
            denominator[c] += expected;
          }
        }
      }
      double change = Math.abs(matches / counts.total() - prior);
      prior = Math.min(1 - 1e-12, Math.max(1e-12, matches / counts.total()));
      for (int c = 0; c < all.length; c++) {
        if (denominator[c] <= 0) {
          continue;
        }
        double[] next = new double[m[c].length];
        double sum = 0;
        for (int level = 1; level < next.length; level++) {
          next[level] = Math.max(MINIMUM_M, numerator[c][level] / denominator[c]);
          sum += next[level];
        }
        for (int level = 1; level < next.length; level++) {
          next[level] /= sum;
          change = Math.max(change, Math.abs(next[level] - m[c][level]));
        }
        m[c] = next;
      }
      converged = change <= settings.emTolerance();
    }
    return new EmResult(LevelProbabilities.of(m), prior, iteration, converged);
  }

  /** A model from its parts. */
  public static LinkageModel model(
      LinkageSettings settings, LevelProbabilities m, LevelProbabilities u, double prior) {
    List<ComparisonParameters> comparisons = new ArrayList<>();
    double[][] mArray = m.toArray();
    double[][] uArray = u.toArray();
    for (Comparison comparison : Comparison.all()) {
      comparisons.add(
          ComparisonParameters.of(
              comparison, mArray[comparison.ordinal()], uArray[comparison.ordinal()]));
    }
    return new LinkageModel(settings, prior, comparisons);
  }

  private static double[][] initialM() {
    Comparison[] all = Comparison.all();
    double[][] m = new double[all.length][];
    for (Comparison comparison : all) {
      int levels = comparison.levelCount();
      double[] row = new double[levels];
      row[1] = 0.9;
      double rest = 0;
      for (int level = 2; level < levels; level++) {
        row[level] = Math.pow(0.5, level - 1);
        rest += row[level];
      }
      for (int level = 2; level < levels; level++) {
        row[level] *= 0.1 / rest;
      }
      m[comparison.ordinal()] = row;
    }
    return m;
  }
}
