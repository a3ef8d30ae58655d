package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.cube.CubeDefinition;
import org.puente.sdc.CellStatus;
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

  @Test
  void theDominanceRuleSuppressesTheSameCellsOnBothEngines() {
    // The fixture has cells of five or more crossings nearly all by one traveller: the dominance
    // rule, which reads the largest contributions, suppresses them. The first generated crossings
    // table with such a cell shows it, on both engines alike.
    CubeDefinition cube = CATALOGUE.require("crossings");
    Tables duckdb = new Tables(cubeStore(), CATALOGUE, ROLL_UP, Clock.systemUTC());
    Tables spark = new Tables(sparkCubes, run, CATALOGUE, ROLL_UP, Clock.systemUTC());
    for (TableRequest request : CatalogueRequests.of(cube, CATALOGUE.cubes().indexOf(cube))) {
      List<PublishedTable.Row> dominated = dominated(duckdb, request);
      if (!dominated.isEmpty()) {
        assertThat(dominated(spark, request)).as(request.describe()).isEqualTo(dominated);
        System.out.printf(
            "cubes: dominance: %s: %d cells suppressed by the dominance rule on both engines: %s%n",
            request.describe(), dominated.size(), dominated);
        return;
      }
    }
    throw new AssertionError("no generated crossings table has a dominated cell");
  }

  private static List<PublishedTable.Row> dominated(Tables tables, TableRequest request) {
    return tables.table(request, "single", ProtectionRules.defaults()).rows().stream()
        .filter(row -> row.status() == CellStatus.PRIMARY_DOMINANCE)
        .toList();
  }
}
