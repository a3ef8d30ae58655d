package org.puente.bench.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.EncodingParameters;

/** The attack itself, on populations small enough to work out by hand. */
class FrequencyAttackTest {

  // 4 x ana, 2 x eva, 1 x rosa: frequencies differ, so alignment is exact.
  private final List<String> names = List.of("ana", "eva", "ana", "rosa", "ana", "eva", "ana");

  @Test
  void deterministicValuesWithDistinctFrequenciesAreAllReidentified() {
    List<String> tokens = new ArrayList<>();
    for (String name : names) {
      tokens.add("token-of-" + name);
    }
    FrequencyAttack.Result result = FrequencyAttack.exact(names, tokens);
    assertThat(result.records()).isEqualTo(7);
    assertThat(result.distinctNames()).isEqualTo(3);
    assertThat(result.namesPercent()).isEqualTo(100.0);
  }

  @Test
  void uniqueValuesDefeatTheExactAttackerButNotTheClusteringOne() {
    BloomEncoder hardened =
        new BloomEncoder(EvaluationKey.fromSeed(1), new EncodingParameters(15, 0.02));
    SplittableRandom random = new SplittableRandom(2);
    List<long[]> encodings = new ArrayList<>();
    for (String name : names) {
      encodings.add(hardened.encodeBits(List.of(name, "garcia"), random));
    }
    // All encodings differ, so every group has size one and the three labels land on arbitrary
    // singletons: each can be right at most once, by chance.
    assertThat(FrequencyAttack.exact(names, encodings).records()).isLessThanOrEqualTo(3);
    // Noisy copies of one name stay similar, so clustering recovers the groups.
    assertThat(FrequencyAttack.clustering(names, encodings, 0.7).records()).isEqualTo(7);
  }
}
