package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.RollUp;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationOptions;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.schema.RegionalSchema;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.CubeQuery;
import org.puente.stats.CubeStore;
import org.puente.stats.LeafCells;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableAssembler;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * The engine contract for cubes: on a run the DuckDB engine committed, Spark's leaf cells of a cube
 * ({@link SparkCubes}) equal the DuckDB cube store's, and the tables the stats module protects from
 * them are identical, cell for cell, value and status.
 */
class SparkCubesContractTest {

  @TempDir static Path dir;

  private static SimulatedNode node;
  private static SparkSession spark;
  private static DerivationRun run;

  @BeforeAll
  static void derive() throws Exception {
    node = SimulatedNode.copy(dir);
    run =
        new Derivation(node.lake)
            .run(DerivationOptions.defaults(SimulatedNode.LAST.atEndOfMonth()))
            .run();
    spark = SparkSessions.local(2);
  }

  @AfterAll
  static void close() {
    if (node != null) {
      node.close();
    }
  }

  /** The tables compared: the crossings cube by four dimensions, by port, and the returns. */
  private static final List<TableRequest> CUBE_REQUESTS =
      List.of(
          TableRequest.of("crossings", List.of("reporting_country", "period", "direction", "sex"))
              .periodLevel("month"),
          TableRequest.of("crossings", List.of("port", "age"))
              .where("citizenship", List.of("419"))
              .period("2024"),
          TableRequest.of("returns", List.of("period", "sex", "return_type"))
              .periodLevel("quarter"));

  @Test
  void sparkComputesTheCubeStoresLeafCellsAndTheSamePublishedTables() {
    long started = System.nanoTime();
    CubeStore store = cubeStore();
    SparkCubes sparkCubes = sparkCubes();
    Tables tables = new Tables(store, CubeCatalogue.standard(), ROLL_UP, Clock.systemUTC());
    for (TableRequest request : CUBE_REQUESTS) {
      CubeDefinition cube = CubeCatalogue.standard().require(request.cube());
      LeafCells expected = new CubeQuery(store, ROLL_UP).leafCells(cube, request);
      LeafCells actual = sparkCubes.leafCells(cube, request);
      assertThat(actual.dimensions()).isEqualTo(expected.dimensions());
      assertThat(actual.portCountry()).isEqualTo(expected.portCountry());
      assertThat(cells(actual)).as(request.describe()).isEqualTo(cells(expected));
      assertKeySumsClose(actual, expected, request);
      // Suppression (the default) and the cell-key method, which reads the key sums.
      for (ProtectionRules rules :
          List.of(ProtectionRules.defaults(), ProtectionRules.cellKeyMethod())) {
        List<PublishedTable.Row> published = tables.table(request, "single", rules).rows();
        Tables.Protected fromSpark =
            Tables.protect(
                actual, new TableAssembler(ROLL_UP, request.periodLevel(), "single"), rules);
        assertThat(fromSpark.rows()).as(request.describe()).isEqualTo(published);
        Map<org.puente.sdc.CellStatus, Long> statuses = new TreeMap<>();
        published.forEach(row -> statuses.merge(row.status(), 1L, Long::sum));
        System.out.printf(
            "cubes: %s (%s): %d leaf cells, %d published rows %s, identical%n",
            request.describe(), rules.method(), cells(expected).size(), published.size(), statuses);
        assertThat(published).hasSizeGreaterThan(20);
      }
    }
    System.out.printf("cubes: compared in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  @Test
  void anotherRequestGivesOtherCellsAndAnotherTable() {
    // The comparison can fail: Spark's cells for other periods or a filter differ from DuckDB's.
    CubeStore store = cubeStore();
    TableRequest request = CUBE_REQUESTS.get(0);
    CubeDefinition cube = CubeCatalogue.standard().require(request.cube());
    LeafCells duckdbCells = new CubeQuery(store, ROLL_UP).leafCells(cube, request);
    LeafCells filtered = sparkCubes().leafCells(cube, request.where("sex", List.of("F")));
    assertThat(cells(filtered)).isNotEqualTo(cells(duckdbCells));
    List<PublishedTable.Row> published =
        new Tables(store, CubeCatalogue.standard(), ROLL_UP, Clock.systemUTC())
            .table(request, "single", ProtectionRules.defaults())
            .rows();
    TableRequest yearly = request.periodLevel("year");
    assertThat(
            Tables.protect(
                    sparkCubes().leafCells(cube, yearly),
                    new TableAssembler(ROLL_UP, yearly.periodLevel(), "single"),
                    ProtectionRules.defaults())
                .rows())
        .isNotEqualTo(published);
  }

  private static final RollUp ROLL_UP = new RollUp(CodeLists.standard());

  private static CubeStore cubeStore() {
    return CubeStore.open(
            node.home,
            new LakeReader(node.home, node.catalog),
            RegionalSchema.standard(),
            run,
            CubeStore.cellKeySecret(node.keys))
        .store();
  }

  private static SparkCubes sparkCubes() {
    return new SparkCubes(
        new SparkLake(spark, node.home, node.catalog),
        run,
        ROLL_UP,
        CubeStore.cellKeySecret(node.keys));
  }

  /** Each leaf cell's codes (with its slice) → its count and two largest contributions. */
  private static Map<List<String>, List<Long>> cells(LeafCells cells) {
    Map<List<String>, List<Long>> byCodes =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    cells
        .slices()
        .forEach(
            (slice, list) -> {
              for (LeafCells.Cell cell : list) {
                List<String> key = new ArrayList<>(List.of(slice));
                key.addAll(cell.codes());
                assertThat(byCodes.put(key, List.of(cell.value(), cell.top1(), cell.top2())))
                    .as("a cell twice: %s", key)
                    .isNull();
              }
            });
    return byCodes;
  }

  /** Key sums add doubles in another order on each engine: equal to far below a cell key's step. */
  private static void assertKeySumsClose(
      LeafCells actual, LeafCells expected, TableRequest request) {
    Map<List<String>, Double> sums = new HashMap<>();
    expected.slices().forEach((slice, list) -> list.forEach(c -> sums.put(c.codes(), c.keySum())));
    actual
        .slices()
        .forEach(
            (slice, list) ->
                list.forEach(
                    c ->
                        assertThat(c.keySum())
                            .as("%s: key sum of %s", request.describe(), c.codes())
                            .isCloseTo(sums.get(c.codes()), within(1e-9))));
  }
}
