package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairwiseQualityTest {

  /**
   * Made by hand. Truth: a = {1, 2, 3}, b = {4, 5}, c = {6}: 3 + 1 = 4 true pairs. Clusters {1, 2},
   * {3, 4}, {5, 6}: 3 predicted pairs, of which only (1, 2) is true.
   */
  @Test
  void handComputedExample() {
    Map<Long, String> truth = Map.of(1L, "a", 2L, "a", 3L, "a", 4L, "b", 5L, "b", 6L, "c");
    Map<Long, Long> clusters = Map.of(1L, 1L, 2L, 1L, 3L, 3L, 4L, 3L, 5L, 5L, 6L, 5L);

    PairwiseQuality quality = PairwiseQuality.of(truth, clusters);

    assertThat(quality.truePositives()).isEqualTo(1);
    assertThat(quality.falsePositives()).isEqualTo(2);
    assertThat(quality.falseNegatives()).isEqualTo(3);
    assertThat(quality.precision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(quality.recall()).isCloseTo(1.0 / 4, within(1e-12));
    assertThat(quality.f1()).isCloseTo(2.0 / 7, within(1e-12));
  }

  @Test
  void recordsWithoutClusterAreAlone() {
    Map<Long, String> truth = Map.of(1L, "a", 2L, "a", 3L, "a");

    PairwiseQuality quality = PairwiseQuality.of(truth, Map.of(1L, 1L, 2L, 1L));

    assertThat(quality).isEqualTo(new PairwiseQuality(1, 0, 2));
  }

  /** The contingency-table counts against the naive oracle that looks at every pair. */
  @Test
  void agreesWithPairEnumerationOnRandomData() {
    SplittableRandom random = new SplittableRandom(5);
    for (int run = 0; run < 20; run++) {
      Map<Long, String> truth = new HashMap<>();
      Map<Long, Long> clusters = new HashMap<>();
      int n = 1 + random.nextInt(60);
      for (long id = 0; id < n; id++) {
        truth.put(id, "e" + random.nextInt(1 + n / 3));
        if (random.nextInt(10) > 0) {
          clusters.put(id, (long) random.nextInt(1 + n / 2));
        }
      }
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (long i = 0; i < n; i++) {
        for (long j = i + 1; j < n; j++) {
          boolean same = truth.get(i).equals(truth.get(j));
          boolean linked = clusters.containsKey(i) && clusters.get(i).equals(clusters.get(j));
          tp += same && linked ? 1 : 0;
          fp += !same && linked ? 1 : 0;
          fn += same && !linked ? 1 : 0;
        }
      }

      assertThat(PairwiseQuality.of(truth, clusters)).isEqualTo(new PairwiseQuality(tp, fp, fn));
    }
  }
}
