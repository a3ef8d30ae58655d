package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreviousTravellersTest {

  @Test
  void givesBackThePreviousRunsTravellerOfEachRecordAndNoneForOthers() {
    SplittableRandom random = new SplittableRandom(8);
    Map<Long, Long> expected = new HashMap<>();
    int n = 2_000;
    PreviousTravellers.Builder builder = new PreviousTravellers.Builder(n);
    long key = 0;
    for (int i = 0; i < n; i++) {
      key += random.nextInt(1, 5); // gaps: absent keys between present ones
      long traveller = random.nextLong(0, Long.MAX_VALUE);
      expected.put(key, traveller);
      builder.add(key, traveller);
    }
    PreviousTravellers previous = builder.build();
    assertThat(previous.size()).isEqualTo(n);
    for (long k = 0; k <= key + 1; k++) {
      assertThat(previous.travellerOf(k))
          .as("record %d's traveller", k)
          .isEqualTo(expected.getOrDefault(k, CountryLinkage.NO_TRAVELLER));
    }
    assertThat(PreviousTravellers.NONE.travellerOf(1)).isEqualTo(CountryLinkage.NO_TRAVELLER);
  }

  @Test
  void refusesRecordsOutOfOrderOrUnannounced() {
    PreviousTravellers.Builder builder = new PreviousTravellers.Builder(2).add(5, 1);
    assertThatThrownBy(() -> builder.add(5, 1)).hasMessageContaining("comes after record 5");
    assertThatThrownBy(builder::build).hasMessageContaining("1 records added of the 2 announced");
    builder.add(6, 1);
    assertThatThrownBy(() -> builder.add(7, 1)).hasMessageContaining("more than the 2");
  }
}
