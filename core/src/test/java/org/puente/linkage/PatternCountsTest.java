package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training sessions' pair counts, whole and sampled. */
class PatternCountsTest {

  private static final List<LinkageRecord> RECORDS =
      SyntheticTravellers.generate(6_000, new SplittableRandom(5)).records();

  @Test
  void theEstimateIsTheNumberOfPairsASessionCounts() {
    for (TrainingBlock block : TrainingBlock.values()) {
      long estimate = PatternCounts.pairsSharing(RECORDS, block, PatternCounts.TRAINING_WINDOW);
      PatternCounts whole = PatternCounts.sharing(RECORDS, block, LinkageSettings.DEFAULTS);
      assertThat(estimate).as("%s", block).isPositive();
      assertThat(whole.total()).as("%s", block).isEqualTo(estimate);
    }
  }

  /**
   * The birth-date session of 6,000 persons' records (about 21,000, two-thirds of a pair each)
   * under a budget of a fifth of its pairs: about a fifth are counted, and the share of each
   * pattern stays within sampling error of the whole session's.
   */
  @Test
  void aSessionOverItsBudgetCountsASampleOfAboutThatSize() {
    TrainingBlock block = TrainingBlock.BIRTH_DATE;
    PatternCounts whole = PatternCounts.sharing(RECORDS, block, LinkageSettings.DEFAULTS);
    long budget = whole.total() / 5;
    PatternCounts sampled =
        PatternCounts.sharing(RECORDS, block, LinkageSettings.DEFAULTS, budget, 2);

    assertThat((double) sampled.total()).isCloseTo(budget, within(budget * 0.1));
    var wholeShares = whole.asMap();
    for (var entry : sampled.asMap().entrySet()) {
      assertThat(wholeShares).containsKey(entry.getKey());
    }
    // The commonest patterns keep their share of the session.
    wholeShares.entrySet().stream()
        .filter(e -> e.getValue() >= whole.total() / 20)
        .forEach(
            e -> {
              double wholeShare = (double) e.getValue() / whole.total();
              double sampledShare =
                  (double) sampled.asMap().getOrDefault(e.getKey(), 0L) / sampled.total();
              assertThat(sampledShare)
                  .as("share of pattern %d", e.getKey())
                  .isCloseTo(wholeShare, within(0.03));
            });
  }

  @Test
  void theSampleIsAFixedFunctionOfTheIdsAndHasItsShare() {
    int in = 0;
    for (long id = 0; id < 100_000; id++) {
      boolean sampled = PatternCounts.inSample(id, 0.25);
      assertThat(PatternCounts.inSample(id, 0.25)).isEqualTo(sampled);
      if (sampled) {
        in++;
        assertThat(PatternCounts.inSample(id, 0.5))
            .as("a larger share keeps the smaller's")
            .isTrue();
      }
      assertThat(PatternCounts.inSample(id, 1.0)).isTrue();
    }
    assertThat(in / 100_000.0).isCloseTo(0.25, within(0.01));
    assertThat(PatternCounts.sampledShare(100, 400)).isEqualTo(1.0);
    assertThat(PatternCounts.sampledShare(1_000, 250)).isEqualTo(0.25);
  }

  /**
   * The prior's count over a budget of a fifth of the blocked pairs: about a fifth of the records'
   * pairs are read, scaled up to about the whole count, each pattern's share within sampling error,
   * and the prior it gives within a few percent of the whole count's. Under the default budget the
   * count is the whole one.
   */
  @Test
  void thePriorsCountOverItsBudgetIsAScaledSample() {
    LinkageSettings settings = LinkageSettings.DEFAULTS;
    PatternCounts whole = PatternCounts.blockedPairs(RECORDS, settings, Long.MAX_VALUE, 1);
    assertThat(whole.total()).isLessThan(PatternCounts.BLOCKED_PAIRS);
    assertThat(PatternCounts.blockedPairs(RECORDS, settings).asMap()).isEqualTo(whole.asMap());

    PatternCounts sampled = PatternCounts.blockedPairs(RECORDS, settings, whole.total() / 5, 2);
    assertThat((double) sampled.total()).isCloseTo(whole.total(), within(whole.total() * 0.1));
    var wholeCounts = whole.asMap();
    for (var entry : wholeCounts.entrySet()) {
      if (entry.getValue() > whole.total() / 20) {
        double share = (double) entry.getValue() / whole.total();
        double sampledShare = (double) sampled.asMap().get(entry.getKey()) / sampled.total();
        assertThat(sampledShare).as("pattern %d", entry.getKey()).isCloseTo(share, within(0.03));
      }
    }
    Training training = ModelTraining.train(RECORDS, settings, new SplittableRandom(3), 2);
    LevelProbabilities m =
        training.sessions().isEmpty() ? null : ModelTraining.combine(training.sessions());
    LevelProbabilities u = ModelTraining.sampleU(RECORDS, settings, new SplittableRandom(3));
    long n = RECORDS.size();
    double wholePrior = ModelTraining.prior(whole, m, u, n * (n - 1) / 2)[0];
    double sampledPrior = ModelTraining.prior(sampled, m, u, n * (n - 1) / 2)[0];
    assertThat(sampledPrior).isCloseTo(wholePrior, within(wholePrior * 0.05));
  }
}
