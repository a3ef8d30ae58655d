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
}
