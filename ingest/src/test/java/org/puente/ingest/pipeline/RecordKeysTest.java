package org.puente.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordKeysTest {

  @Test
  void everyReferenceIsNewOnceAndADuplicateAfterAcrossAllShards() {
    RecordKeys keys = new RecordKeys();
    int distinct = 300_000;
    for (int i = 0; i < distinct; i++) {
      assertThat(keys.add("MX-" + i)).as("first time MX-%d", i).isTrue();
    }
    int duplicates = 0;
    for (int i = 0; i < distinct; i += 7) {
      if (!keys.add("MX-" + i)) {
        duplicates++;
      }
    }
    assertThat(duplicates).isEqualTo((distinct + 6) / 7);
    assertThat(keys.size()).isEqualTo(distinct);
    assertThat(keys.add("MX-" + distinct)).isTrue();
    assertThat(keys.size()).isEqualTo(distinct + 1);
  }
}
