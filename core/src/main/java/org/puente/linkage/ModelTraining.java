package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Estimates a {@link LinkageModel} without labels: u-probabilities from random record pairs (almost
 * all non-matches); m-probabilities by expectation–maximisation over agreement-pattern counts with
 * u held fixed, one session per {@link TrainingBlock}; the prior from the linker's blocked pairs.
 */
public final class ModelTraining {

  /** The smallest m EM may give a level, so that a level unseen among matches stays finite. */
  static final double MINIMUM_M = 1e-6;

  private static final double INITIAL_PRIOR = 0.1;

  private ModelTraining() {}

  /** Rounds of EM, prior and u correction before the last EM (see {@link #train}). */
  static final int ROUNDS = 3;

  /**
   * u sampling; one EM session per {@link TrainingBlock} with u fixed (each comparison's m is the
   * mean over the sessions that estimated it); the prior over the linker's blocked pairs ({@link
   * #prior}); then u corrected for the matches among the sampled pairs ({@link #correctU}), and EM
   * and prior again, {@value #ROUNDS} rounds in all.
   */
  public static Training train(
      List<LinkageRecord> records, LinkageSettings settings, RandomGenerator random) {
    return train(records, settings, random, Slices.machineThreads());
  }

  /**
   * {@link #train(List, LinkageSettings, RandomGenerator)} with the pairs of the sessions and of
   * the prior counted on {@code threads} threads: the counts, and so the model, are the same
   * whatever their number.
   */
  public static Training train(
      List<LinkageRecord> records, LinkageSettings settings, RandomGenerator random, int threads) {
    return train(records, settings, random, threads, null);
  }

  /**
   * {@link #train(List, LinkageSettings, RandomGenerator, int)} counting the blocked pairs over
   * {@code blocks} when they are those of {@code records} with the settings' window (the linker can
   * then use them too), else over blocks of its own. The model is the same either way.
   */
  public static Training train(
      List<LinkageRecord> records,
      LinkageSettings settings,
      RandomGenerator random,
      int threads,
      LinkageBlocks blocks) {
    LevelProbabilities sampled = sampleU(records, settings, random, threads);
    List<PatternCounts> sessionCounts = new ArrayList<>();
    for (TrainingBlock block : TrainingBlock.values()) {
      sessionCounts.add(
          PatternCounts.sharing(records, block, settings, PatternCounts.SESSION_PAIRS, threads));
    }
    PatternCounts blocked =
        PatternCounts.blockedPairs(records, settings, PatternCounts.BLOCKED_PAIRS, threads, blocks);
    long n = records.size();
    long totalPairs = n * (n - 1) / 2;
    LevelProbabilities u = sampled;
    List<EmSession> sessions = List.of();
    LevelProbabilities m = null;
    double[] prior = null;
    for (int round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        u = correctU(sampled, m, prior[0], 0.5 / settings.uSamplePairs());
      }
      sessions = new ArrayList<>();
      for (TrainingBlock block : TrainingBlock.values()) {
        PatternCounts counts = sessionCounts.get(block.ordinal());
        if (counts.total() > 0) {
          sessions.add(
              new EmSession(
                  block,
                  counts.total(),
                  expectationMaximisation(counts, u, settings, block.conditioned())));
        }
      }
      m = combine(sessions);
      prior = prior(blocked, m, u, totalPairs);
    }
    return new Training(model(settings, m, u, prior[0]), sessions, blocked.total(), prior[1]);
  }

  /** Pairs of the u sample drawn at once, then read and compared on the threads. */
  static final int U_CHUNK = 1 << 16;

  /**
   * u without the matches among the sampled pairs: the sample's level frequencies are λ·m + (1 −
   * λ)·u, so u = (sampled − λ·m) / (1 − λ), floored at {@code floor} and renormalised. Matters
   * where λ is not tiny (FEBRL4: 10,000 records with 5,000 matching pairs, λ = 10⁻⁴, about the u of
   * exact document agreement, which the sample alone overstates by a factor of hundreds); in a
   * region of millions of records λ is about 10⁻⁷ and the correction vanishes.
   */
  public static LevelProbabilities correctU(
      LevelProbabilities sampled, LevelProbabilities m, double prior, double floor) {
    double[][] s = sampled.toArray();
    double[][] mm = m.toArray();
    double[][] u = new double[s.length][];
    for (int c = 0; c < s.length; c++) {
      u[c] = new double[s[c].length];
      double sum = 0;
      for (int level = 1; level < s[c].length; level++) {
        u[c][level] = Math.max(floor, (s[c][level] - prior * mm[c][level]) / (1 - prior));
        sum += u[c][level];
      }
      for (int level = 1; level < s[c].length; level++) {
        u[c][level] /= sum;
      }
    }
    return LevelProbabilities.of(u);
  }

  /**
   * The prior λ (the probability that two random records match) with m and u known: EM over all
   * n(n-1)/2 pairs for λ alone, where pairs outside the blocks count as non-matches. The fixed
   * point of λ = Σ over blocked patterns of count · P(match | pattern, λ) / totalPairs. Returns {λ,
   * expected matches among the blocked pairs}.
   */
  public static double[] prior(
      PatternCounts blocked, LevelProbabilities m, LevelProbabilities u, long totalPairs) {
    if (blocked.total() == 0 || totalPairs <= 0) {
      throw new IllegalArgumentException("the prior needs blocked pairs");
    }
    double[] logRatio = new double[blocked.distinct()];
    for (int k = 0; k < logRatio.length; k++) {
      int pattern = blocked.pattern(k);
      for (Comparison comparison : Comparison.all()) {
        int level = comparison.levelIn(pattern);
        if (level != Comparison.MISSING) {
          logRatio[k] += Math.log(m.get(comparison, level) / u.get(comparison, level));
        }
      }
    }
    double lambda = 0.5 * blocked.total() / totalPairs;
    double matches = 0;
    for (int iteration = 0; iteration < 10_000; iteration++) {
      double logOdds = Math.log(lambda / (1 - lambda));
      matches = 0;
      for (int k = 0; k < logRatio.length; k++) {
        matches += blocked.count(k) / (1 + Math.exp(-(logOdds + logRatio[k])));
      }
      double next = Math.min(1 - 1e-12, Math.max(1e-15, matches / totalPairs));
      boolean done = Math.abs(next - lambda) <= 1e-9 * lambda;
      lambda = next;
      if (done) {
        break;
      }
    }
    return new double[] {lambda, matches};
  }

  /** The mean m of each comparison over the sessions that estimated it; start values otherwise. */
  static LevelProbabilities combine(List<EmSession> sessions) {
    double[][] sum = initialM();
    int[] runs = new int[sum.length];
    for (EmSession session : sessions) {
      double[][] m = session.result().m().toArray();
      for (Comparison comparison : session.result().estimated()) {
        int c = comparison.ordinal();
        if (runs[c] == 0) {
          sum[c] = new double[m[c].length];
        }
        runs[c]++;
        for (int level = 1; level < m[c].length; level++) {
          sum[c][level] += m[c][level];
        }
      }
    }
    for (int c = 0; c < sum.length; c++) {
      if (runs[c] > 0) {
        for (int level = 1; level < sum[c].length; level++) {
          sum[c][level] /= runs[c];
        }
      }
    }
    return LevelProbabilities.of(sum);
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
    return sampleU(records, settings, random, 1);
  }

  /**
   * {@link #sampleU(List, LinkageSettings, RandomGenerator)} on {@code threads} threads: the pairs
   * are drawn on the caller's, in the same order, {@value #U_CHUNK} at a time, and the threads read
   * and compare them (random reads over the whole country, which is what the sample costs; each
   * thread touches a batch of pairs before it compares them, {@link RecordReader#touch}). The
   * counts, and so the result, are those of one thread.
   */
  public static LevelProbabilities sampleU(
      List<LinkageRecord> records, LinkageSettings settings, RandomGenerator random, int threads) {
    requireNonNull(records, "records is null");
    requireNonNull(random, "random is null");
    if (records.size() < 2) {
      throw new IllegalArgumentException("u sampling needs at least two records");
    }
    // Random reads: a list without random access (never Puente's own) is copied once.
    List<LinkageRecord> array =
        records instanceof java.util.RandomAccess ? records : new ArrayList<>(records);
    Levels levels = new Levels(settings);
    Comparison[] all = Comparison.all();
    long[][][] byWorker;
    try (Slices slices = Slices.of(threads)) {
      byWorker = new long[slices.threads()][all.length][];
      RecordReader[][] readers = new RecordReader[slices.threads()][];
      for (int w = 0; w < slices.threads(); w++) {
        readers[w] = new RecordReader[] {new RecordReader(array), new RecordReader(array)};
        for (Comparison comparison : all) {
          byWorker[w][comparison.ordinal()] = new long[comparison.levelCount()];
        }
      }
      int n = array.size();
      int[] first = new int[U_CHUNK];
      int[] second = new int[U_CHUNK];
      for (int drawn = 0; drawn < settings.uSamplePairs(); ) {
        int chunk = Math.min(U_CHUNK, settings.uSamplePairs() - drawn);
        for (int s = 0; s < chunk; s++) {
          int i = random.nextInt(n);
          int j = random.nextInt(n - 1);
          if (j >= i) {
            j++;
          }
          first[s] = i;
          second[s] = j;
        }
        slices.forEach(
            0,
            chunk,
            (w, from, to) -> {
              long[][] counts = byWorker[w];
              RecordReader a = readers[w][0];
              RecordReader b = readers[w][1];
              for (int batch = from; batch < to; batch += RecordReader.TOUCH_BATCH) {
                int end = Math.min(to, batch + RecordReader.TOUCH_BATCH);
                for (int s = batch; s < end; s++) {
                  a.touch(first[s]);
                  a.touch(second[s]);
                }
                for (int s = batch; s < end; s++) {
                  int pattern = levels.pattern(a.at(first[s]), b.at(second[s]));
                  for (Comparison comparison : all) {
                    counts[comparison.ordinal()][comparison.levelIn(pattern)]++;
                  }
                }
              }
            });
        drawn += chunk;
      }
    }
    long[][] counts = byWorker[0];
    for (int w = 1; w < byWorker.length; w++) {
      for (int c = 0; c < all.length; c++) {
        for (int level = 0; level < counts[c].length; level++) {
          counts[c][level] += byWorker[w][c][level];
        }
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
    return expectationMaximisation(counts, u, settings, Set.of());
  }

  /**
   * EM as {@link #expectationMaximisation(PatternCounts, LevelProbabilities, LinkageSettings)},
   * with the comparisons in {@code fixed} left out of every pattern's likelihood (their m keep the
   * start values): the comparisons a training block makes agree.
   */
  public static EmResult expectationMaximisation(
      PatternCounts counts, LevelProbabilities u, LinkageSettings settings, Set<Comparison> fixed) {
    requireNonNull(counts, "counts is null");
    requireNonNull(fixed, "fixed is null");
    requireNonNull(u, "u is null");
    if (counts.total() == 0) {
      throw new IllegalArgumentException("EM needs at least one candidate pair");
    }
    Comparison[] all = Comparison.all();
    int patterns = counts.distinct();
    int[][] levelsOf = new int[patterns][all.length];
    for (int k = 0; k < patterns; k++) {
      for (Comparison comparison : all) {
        levelsOf[k][comparison.ordinal()] =
            fixed.contains(comparison) ? Comparison.MISSING : comparison.levelIn(counts.pattern(k));
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
    Set<Comparison> estimated = EnumSet.noneOf(Comparison.class);
    for (int k = 0; k < patterns; k++) {
      for (Comparison comparison : all) {
        if (levelsOf[k][comparison.ordinal()] != Comparison.MISSING) {
          estimated.add(comparison);
        }
      }
    }
    return new EmResult(LevelProbabilities.of(m), prior, iteration, converged, estimated);
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

  /**
   * The parameters of a comparison that was never estimated: EM's starting m and the uniform u that
   * u sampling gives a comparison never present. What a trained model holds for a comparison none
   * of its records has, and what a stored model that predates an optional comparison reads as.
   */
  static ComparisonParameters startValues(Comparison comparison) {
    double[] u = new double[comparison.levelCount()];
    java.util.Arrays.fill(u, 1, u.length, 1.0 / (u.length - 1));
    return ComparisonParameters.of(comparison, initialM()[comparison.ordinal()], u);
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
