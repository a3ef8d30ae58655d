package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelTrainingTest {

  /** Known parameters, [comparison][level], level 0 unused. */
  private static final double[][] M = {
    {0, 0.85, 0.10, 0.05},
    {0, 0.50, 0.15, 0.10, 0.06, 0.04, 0.07, 0.05, 0.03},
    {0, 0.80, 0.02, 0.10, 0.08},
    {0, 0.97, 0.03},
    {0, 0.95, 0.05},
    {0, 0.30, 0.50, 0.15, 0.05},
    {0, 0.60, 0.20, 0.10, 0.05, 0.05}
  };

  private static final double[][] U = {
    {0, 0.0005, 0.0045, 0.995},
    {0, 0.0002, 0.0008, 0.002, 0.001, 0.009, 0.02, 0.03, 0.9370},
    {0, 0.0003, 0.0002, 0.0195, 0.98},
    {0, 0.5, 0.5},
    {0, 0.6, 0.4},
    {0, 0.001, 0.004, 0.015, 0.98},
    {0, 0.0005, 0.001, 0.001, 0.2, 0.7975}
  };

  private static final double LAMBDA = 0.2;
  private static final double MISSING = 0.1;

  /**
   * Two million pairs drawn from the mixture λ·m + (1 − λ)·u (each comparison missing with
   * probability 0.1, alike for both classes), counted by pattern: EM with the true u fixed gets m
   * and λ back within sampling error.
   */
  /** The pairs counted on several threads give the counts, and so the model, of one thread. */
  @Test
  void threadsDoNotChangeTheModel() {
    SyntheticTravellers.Data data = SyntheticTravellers.generate(1_500, new SplittableRandom(5));
    LinkageSettings settings = LinkageSettings.DEFAULTS.withUSamplePairs(100_000);
    Training one = ModelTraining.train(data.records(), settings, new SplittableRandom(6), 1);
    Training three = ModelTraining.train(data.records(), settings, new SplittableRandom(6), 3);
    assertThat(PatternCounts.blockedPairs(data.records(), settings, 1_000, 3).asMap())
        .isEqualTo(PatternCounts.blockedPairs(data.records(), settings, 1_000, 1).asMap());
    for (TrainingBlock block : TrainingBlock.values()) {
      assertThat(
              PatternCounts.sharing(data.records(), block, settings, PatternCounts.SESSION_PAIRS, 3)
                  .asMap())
          .isEqualTo(
              PatternCounts.sharing(data.records(), block, settings, PatternCounts.SESSION_PAIRS, 1)
                  .asMap());
    }
    // The u sample: more pairs than one chunk, read on three threads, counted as on one.
    assertThat(settings.uSamplePairs()).isGreaterThan(ModelTraining.U_CHUNK);
    assertThat(
            ModelTraining.sampleU(data.records(), settings, new SplittableRandom(7), 3).toArray())
        .isDeepEqualTo(
            ModelTraining.sampleU(data.records(), settings, new SplittableRandom(7), 1).toArray());
    assertThat(three.blockedPairs()).isEqualTo(one.blockedPairs()).isGreaterThan(1_000);
    assertThat(three.sessions().toString()).isEqualTo(one.sessions().toString());
    assertThat(three.model().toJson()).isEqualTo(one.model().toJson());
  }

  @Test
  void emRecoversKnownMFromPatternCountsOfKnownParameters() {
    SplittableRandom random = new SplittableRandom(17);
    Map<Integer, Long> counts = new HashMap<>();
    for (int pair = 0; pair < 2_000_000; pair++) {
      double[][] parameters = random.nextDouble() < LAMBDA ? M : U;
      int pattern = 0;
      for (Comparison comparison : Comparison.values()) {
        int level = Comparison.MISSING;
        if (random.nextDouble() >= MISSING) {
          level = draw(parameters[comparison.ordinal()], random);
        }
        pattern = comparison.with(pattern, level);
      }
      counts.merge(pattern, 1L, Long::sum);
    }

    EmResult result =
        ModelTraining.expectationMaximisation(
            PatternCounts.of(counts), LevelProbabilities.of(U), LinkageSettings.DEFAULTS);

    assertThat(result.converged()).isTrue();
    assertThat(result.prior()).isCloseTo(LAMBDA, within(0.002));
    for (Comparison comparison : Comparison.values()) {
      for (int level = 1; level < comparison.levelCount(); level++) {
        assertThat(result.m().get(comparison, level))
            .as("m of %s level %d", comparison, level)
            .isCloseTo(M[comparison.ordinal()][level], within(0.006));
      }
    }
    assertThat(result.estimated()).containsExactlyInAnyOrder(Comparison.values());
  }

  @Test
  void aFixedComparisonIsNotEstimated() {
    Map<Integer, Long> counts = new HashMap<>();
    counts.put(Comparison.DOCUMENT.with(Comparison.SEX.with(0, 1), 1), 10L);
    counts.put(Comparison.DOCUMENT.with(Comparison.SEX.with(0, 2), 1), 5L);

    EmResult result =
        ModelTraining.expectationMaximisation(
            PatternCounts.of(counts),
            LevelProbabilities.of(U),
            LinkageSettings.DEFAULTS,
            java.util.Set.of(Comparison.DOCUMENT));

    assertThat(result.estimated()).containsExactly(Comparison.SEX);
    assertThat(result.m().get(Comparison.DOCUMENT, 1)).isEqualTo(0.9);
  }

  /**
   * 400 records, 100 on each of four birth dates, dates 1 and 2 in one year and 3 and 4 in another:
   * of the 399 other records, 99 share the date, 100 only the year, 200 neither.
   */
  @Test
  void uSamplingMeasuresAgreementAmongRandomPairs() {
    List<LinkageRecord> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int date = i % 4;
      records.add(
          new LinkageRecord(
              i,
              0,
              100 + date,
              0,
              date < 2 ? 7 : 8,
              0,
              0,
              0,
              0,
              0,
              new long[0],
              null,
              null,
              i % 2 == 0 ? "F" : "M",
              null,
              Long.MIN_VALUE,
              null,
              null));
    }

    LevelProbabilities u =
        ModelTraining.sampleU(
            records, LinkageSettings.DEFAULTS.withUSamplePairs(400_000), new SplittableRandom(9));

    assertThat(u.get(Comparison.BIRTH_DATE, 1)).isCloseTo(99 / 399.0, within(0.003));
    assertThat(u.get(Comparison.BIRTH_DATE, 2)).isLessThan(1e-5);
    assertThat(u.get(Comparison.BIRTH_DATE, 3)).isCloseTo(100 / 399.0, within(0.003));
    assertThat(u.get(Comparison.BIRTH_DATE, 4)).isCloseTo(200 / 399.0, within(0.003));
    assertThat(u.get(Comparison.SEX, 1)).isCloseTo(199 / 399.0, within(0.003));
    // Never present: the half pseudo-counts make it uniform.
    assertThat(u.get(Comparison.CITIZENSHIP, 1)).isEqualTo(0.5);
  }

  /** sampled = λ·m + (1 − λ)·u, solved for u, by hand: (0.3 − 0.5·0.4) / 0.5 = 0.2. */
  @Test
  void uCorrectionRemovesTheMatchesOfTheSample() {
    double[][] sampled = copy(U);
    double[][] m = copy(M);
    sampled[3] = new double[] {0, 0.3, 0.7};
    m[3] = new double[] {0, 0.4, 0.6};

    LevelProbabilities u =
        ModelTraining.correctU(LevelProbabilities.of(sampled), LevelProbabilities.of(m), 0.5, 1e-9);

    assertThat(u.get(Comparison.SEX, 1)).isCloseTo(0.2, within(1e-12));
    assertThat(u.get(Comparison.SEX, 2)).isCloseTo(0.8, within(1e-12));
  }

  /** The prior is the fixed point λ = Σ count · P(match | pattern, λ) / all pairs. */
  @Test
  void priorIsTheFixedPointOverAllPairs() {
    Map<Integer, Long> counts = new HashMap<>();
    int agree = Comparison.DOCUMENT.with(Comparison.BIRTH_DATE.with(0, 1), 1);
    int disagree = Comparison.DOCUMENT.with(Comparison.BIRTH_DATE.with(0, 4), 3);
    counts.put(agree, 1_000L);
    counts.put(disagree, 50_000L);
    long totalPairs = 100_000_000L;

    double[] prior =
        ModelTraining.prior(
            PatternCounts.of(counts),
            LevelProbabilities.of(M),
            LevelProbabilities.of(U),
            totalPairs);

    double lambda = prior[0];
    double expected = 0;
    for (int pattern : new int[] {agree, disagree}) {
      double ratio = 1;
      for (Comparison comparison : new Comparison[] {Comparison.DOCUMENT, Comparison.BIRTH_DATE}) {
        int level = comparison.levelIn(pattern);
        ratio *= M[comparison.ordinal()][level] / U[comparison.ordinal()][level];
      }
      double odds = lambda / (1 - lambda) * ratio;
      expected += counts.get(pattern) * odds / (1 + odds);
    }
    assertThat(prior[1]).isCloseTo(expected, within(1e-6 * expected));
    assertThat(lambda).isCloseTo(expected / totalPairs, within(1e-8 * lambda));
    // Nearly all of the 1,000 agreeing pairs and few of the disagreeing ones.
    assertThat(expected).isBetween(950.0, 1_000.0);
  }

  private static int draw(double[] probabilities, SplittableRandom random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int level = 1; level < probabilities.length; level++) {
      cumulative += probabilities[level];
      if (u < cumulative) {
        return level;
      }
    }
    return probabilities.length - 1;
  }

  private static double[][] copy(double[][] values) {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i].clone();
    }
    return copy;
  }
}
