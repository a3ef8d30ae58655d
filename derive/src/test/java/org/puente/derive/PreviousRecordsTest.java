package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreviousRecordsTest {

  @Test
  void givesBackWhatThePreviousRunSaidOfEachRecordAndNothingOfOthers() {
    SplittableRandom random = new SplittableRandom(8);
    String[] classes = {null, "MIGRANT_ARRIVAL", "NON_MIGRANT_DEPARTURE", "PROVISIONAL"};
    Map<Long, PreviousRecord> expected = new HashMap<>();
    int n = 2_000;
    PreviousRecords.Builder builder = new PreviousRecords.Builder(n);
    long key = 0;
    for (int i = 0; i < n; i++) {
      key += random.nextInt(1, 5); // gaps: absent keys between present ones
      String residenceClass = classes[random.nextInt(classes.length)];
      int permille = "PROVISIONAL".equals(residenceClass) ? random.nextInt(0, 1001) : -1;
      PreviousRecord record = new PreviousRecord(random.nextLong(), residenceClass, permille);
      expected.put(key, record);
      builder.add(key, record);
    }
    PreviousRecords previous = builder.build();
    assertThat(previous.size()).isEqualTo(n);
    for (long k = 0; k <= key + 1; k++) {
      assertThat(previous.get(k)).as("record %d", k).isEqualTo(expected.get(k));
      assertThat(previous.travellerOf(k))
          .as("record %d's traveller", k)
          .isEqualTo(
              expected.containsKey(k)
                  ? expected.get(k).travellerId()
                  : CountryLinkage.NO_TRAVELLER);
    }
    assertThat(PreviousRecords.NONE.get(1)).isNull();
    assertThat(PreviousRecords.NONE.travellerOf(1)).isEqualTo(CountryLinkage.NO_TRAVELLER);
  }

  @Test
  void refusesRecordsOutOfOrderOrUnannounced() {
    PreviousRecord record = new PreviousRecord(1, null, -1);
    PreviousRecords.Builder builder = new PreviousRecords.Builder(2).add(5, record);
    assertThatThrownBy(() -> builder.add(5, record)).hasMessageContaining("comes after record 5");
    assertThatThrownBy(builder::build).hasMessageContaining("1 records added of the 2 announced");
    builder.add(6, record);
    assertThatThrownBy(() -> builder.add(7, record)).hasMessageContaining("more than the 2");
    assertThatThrownBy(
            () -> new PreviousRecords.Builder(1).add(1, new PreviousRecord(1, "X", 1001)))
        .hasMessageContaining("out of range");
  }
}
