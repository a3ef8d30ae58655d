package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.cube.CubeDefinition;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.CubeQuery;
import org.puente.stats.CubeStore;
import org.puente.stats.LeafCells;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * The cube contract ({@link SparkCubesContract}) for the cubes over the fact {@code crossings}
 * (border crossings, distinct travellers, migrant arrivals and departures, unmatched crossings),
 * and a check that the comparison can fail.
 */
class SparkCubesContractTest extends SparkCubesContract {

  @Override
  boolean compares(CubeDefinition cube) {
    return CROSSINGS.test(cube);
  }

  @Test
  void anotherRequestGivesOtherCellsAndAnotherTable() {
    // The comparison can fail: Spark's cells and table with a filter differ from DuckDB's without.
    CubeStore store = cubeStore();
    TableRequest request =
        TableRequest.of("crossings", List.of("reporting_country", "period", "direction", "sex"))
            .periodLevel("month");
    CubeDefinition cube = CATALOGUE.require(request.cube());
    LeafCells duckdbCells = new CubeQuery(store, ROLL_UP).leafCells(cube, request);
    LeafCells filtered = sparkCubes.leafCells(cube, request.where("sex", List.of("F")));
    assertThat(cells(filtered)).isNotEqualTo(cells(duckdbCells));
    List<PublishedTable.Row> published =
        new Tables(store, CATALOGUE, ROLL_UP, Clock.systemUTC())
            .table(request, "single", ProtectionRules.defaults())
            .rows();
    TableRequest women = request.where("sex", List.of("F"));
    assertThat(
            new Tables(sparkCubes, run, CATALOGUE, ROLL_UP, Clock.systemUTC())
                .table(women, "single", ProtectionRules.defaults())
                .rows())
        .isNotEqualTo(published);
  }
}
