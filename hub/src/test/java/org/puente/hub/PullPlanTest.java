package org.puente.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.cube.CubeCatalogue;

class PullPlanTest {

  @Test
  void eachCountryGetsFourQueriesWhoseKeysFitTheirDataflows() {
    List<PullPlan.Query> queries =
        PullPlan.queries(CubeCatalogue.standard(), List.of("GTM", "MEX"));

    assertThat(queries).hasSize(8);
    assertThat(queries.get(0).path())
        .isEqualTo(
            "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/GTM.*.*._T._T._T._T.*._T._T._T._T");
    assertThat(queries.get(1).key()).isEqualTo("GTM.*.*._T._T._T._T._T.*._T._T._T");
    assertThat(queries.get(2).path())
        .isEqualTo(
            "/sdmx/2/data/dataflow/PUENTE/DF_MIGRANT_ARRIVALS/1.0.0/GTM.*._T._T._T._T.*._T._T");
    assertThat(queries.get(3).dataflow()).isEqualTo("DF_MIGRANT_DEPARTURES");
    assertThat(queries.get(4).key()).startsWith("MEX.");
  }
}
