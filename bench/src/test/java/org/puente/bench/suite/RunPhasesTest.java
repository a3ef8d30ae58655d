package org.puente.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RunPhasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void thePhasesAndTheLargestCountrysLinkage() throws IOException {
    String summary =
        """
        {"records": 130, "seconds_load": 10.0, "seconds_link": 20.25, "seconds_total": 40.5,
         "seconds_by_country": {"CRI": {"load": 1.0, "link": 2.0, "total": 3.0},
                                "MEX": {"load": 9.0, "link": 18.25, "total": 37.5}},
         "linkage": {"CRI": {"records": 30, "candidate_pairs": 45, "largest_block": 4,
                             "truncated_records": 0},
                     "MEX": {"records": 100, "candidate_pairs": 540, "largest_block": 1200,
                             "truncated_records": 7}}}
        """;

    assertThat(RunPhases.describe(JSON.readTree(summary)))
        .isEqualTo(
            "run: load 10.0 s, link 20.3 s, rest 10.3 s; MEX: 100 records, 5.4 candidate pairs"
                + " a record, largest block 1,200, truncated records 7, linked in 18.3 s");
  }

  @Test
  void aSummaryWithoutThemSaysNothing() throws IOException {
    assertThat(RunPhases.describe(JSON.readTree("{\"records\": 3}"))).isEmpty();
    // A Spark run's summary has no load phase and no seconds by country.
    assertThat(
            RunPhases.describe(
                JSON.readTree(
                    "{\"seconds_link\": 5.0, \"seconds_total\": 9.0, \"linkage\": {\"GTM\":"
                        + " {\"records\": 10, \"candidate_pairs\": 20, \"largest_block\": 3,"
                        + " \"truncated_records\": 0}}}")))
        .isEqualTo(
            "GTM: 10 records, 2.0 candidate pairs a record, largest block 3, truncated records 0");
  }
}
