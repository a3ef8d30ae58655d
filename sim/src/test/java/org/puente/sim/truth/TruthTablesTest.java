package org.puente.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Packed keys come back as the dimension values they were made of (expected lines by hand). */
class TruthTablesTest {

  @Test
  void crossingsAreCountedAndWrittenUnderTheirDimensions() throws IOException {
    TruthTables tables = new TruthTables();
    int cri = Dimensions.country("CRI");
    int nic = Dimensions.country("NIC");
    long july2023 = 2023 * 12L + 6;
    tables.addCrossing(cri, july2023, false, false, Dimensions.ageGroup(37), nic, true, false);
    tables.addCrossing(cri, july2023, false, false, Dimensions.ageGroup(35), nic, false, true);
    TruthTables other = new TruthTables();
    other.addCrossing(cri, july2023, true, true, Dimensions.ageGroup(101), nic, true, false);
    tables.merge(other);

    StringWriter out = new StringWriter();
    tables.write(TruthTables.Table.CROSSINGS, out);
    assertThat(out.toString().lines())
        .containsExactly(
            "country,month,direction,sex,age_group,citizenship,"
                + "true_crossings,recorded_crossings,long_term,short_term",
            "CRI,2023-07,ARRIVAL,M,Y_GE100,NIC,1,1,0,1",
            "CRI,2023-07,DEPARTURE,F,Y35T39,NIC,2,1,1,1");
  }

  @Test
  void bilateralFlowsKeepYearOriginAndDestination() throws IOException {
    TruthTables tables = new TruthTables();
    for (int i = 0; i < 5000; i++) {
      tables.addArrival(
          2024, Dimensions.country("COL"), Dimensions.country("PAN"), i % 2 == 0, false);
    }
    StringWriter out = new StringWriter();
    tables.write(TruthTables.Table.BILATERAL_FLOWS, out);
    assertThat(out.toString().lines()).contains("2024,COL,PAN,5000,2500,0");
  }

  @Test
  void manyKeysSurviveTheTableGrowing() {
    LongCounters counters = new LongCounters(1);
    for (long key = 0; key < 100_000; key++) {
      counters.add(key * 7919, new long[] {key});
    }
    assertThat(counters.size()).isEqualTo(100_000);
    for (long key = 0; key < 100_000; key += 999) {
      assertThat(counters.counts()[counters.offset(key * 7919)]).isEqualTo(key);
    }
    assertThat(counters.size()).isEqualTo(100_000);
  }
}
