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
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
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
import org.puente.sdc.CellStatus;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.CubeQuery;
import org.puente.stats.CubeStore;
import org.puente.stats.LeafCellSource;
import org.puente.stats.LeafCells;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * The engine contract for cubes: on a run the DuckDB engine committed, Spark's leaf cells of a cube
 * ({@link SparkCubes}) equal the DuckDB cube store's ({@link CubeQuery}), and the tables {@link
 * Tables} publishes over each engine's {@link LeafCellSource} are identical, cell for cell, value
 * and status, under suppression and under the cell-key method. Each subclass compares the cubes of
 * the catalogue its {@link #compares} selects (two classes, so each stays near a minute and a half
 * on two cores); {@link #CROSSINGS} and its negation split the catalogue between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SparkCubesContract {

  /** The cubes over the fact {@code crossings}; the other class compares the rest. */
  static final Predicate<CubeDefinition> CROSSINGS = cube -> cube.fact().equals("crossings");

  static final CubeCatalogue CATALOGUE = CubeCatalogue.standard();
  static final RollUp ROLL_UP = new RollUp(CodeLists.standard());

  SimulatedNode node;
  DerivationRun run;
  SparkCubes sparkCubes;
  private final Map<CellStatus, Long> allStatuses = new TreeMap<>();
  private long startedAt;

  /** Whether this class compares {@code cube}. */
  abstract boolean compares(CubeDefinition cube);

  @BeforeAll
  void derive(@TempDir Path dir) throws Exception {
    startedAt = System.nanoTime();
    node = SimulatedNode.copy(dir);
    run =
        new Derivation(node.lake)
            .run(DerivationOptions.defaults(SimulatedNode.LAST.atEndOfMonth()))
            .run();
    long derived = System.nanoTime();
    CubeStore.Opened cubes =
        CubeStore.open(
            node.home,
            new LakeReader(node.home, node.catalog),
            RegionalSchema.standard(),
            run,
            CubeStore.cellKeySecret(node.keys));
    System.out.printf(
        "cubes: %s: node copied and derived on DuckDB in %.1f s, DuckDB cubes built in %.1f s%n",
        getClass().getSimpleName(),
        (derived - startedAt) / 1e9,
        cubes.buildTime().toMillis() / 1e3);
    sparkCubes =
        new SparkCubes(
            new SparkLake(SparkSessions.local(2), node.home, node.catalog),
            run,
            ROLL_UP,
            CubeStore.cellKeySecret(node.keys));
  }

  @AfterAll
  void close() {
    System.out.printf(
        "cubes: %s: statuses %s, the class in %.1f s%n",
        getClass().getSimpleName(), allStatuses, (System.nanoTime() - startedAt) / 1e9);
    if (node != null) {
      node.close();
    }
  }

  /**
   * Every cube of the catalogue, with the requests {@link CatalogueRequests} generates from its
   * definition: the leaf cells of both engines, and the tables {@link Tables} publishes over each
   * engine's {@link LeafCellSource} under suppression and under the cell-key method.
   */
  @TestFactory
  Stream<DynamicTest> everyCubeGivesTheSameCellsAndTablesOnBothEngines() {
    List<CubeDefinition> cubes = CATALOGUE.cubes();
    assertThat(cubes.stream().filter(this::compares)).as("cubes this class compares").isNotEmpty();
    return IntStream.range(0, cubes.size())
        .filter(i -> compares(cubes.get(i)))
        .mapToObj(i -> DynamicTest.dynamicTest(cubes.get(i).id(), () -> compare(cubes.get(i), i)));
  }

  private void compare(CubeDefinition cube, int index) {
    long started = System.nanoTime();
    List<TableRequest> requests = CatalogueRequests.of(cube, index);
    assertThat(CatalogueRequests.uncovered(cube, requests)).as("dimensions in no table").isEmpty();
    // Each engine answers a request once; its Tables reads that answer for both rule sets.
    Timed duckdb = new Timed(new CubeQuery(cubeStore(), ROLL_UP));
    Timed spark = new Timed(sparkCubes);
    Tables duckdbTables = new Tables(duckdb, run, CATALOGUE, ROLL_UP, Clock.systemUTC());
    Tables sparkTables = new Tables(spark, run, CATALOGUE, ROLL_UP, Clock.systemUTC());
    long leafCells = 0;
    long publishedRows = 0;
    Map<CellStatus, Long> statuses = new TreeMap<>();
    for (TableRequest request : requests) {
      LeafCells expected = duckdb.leafCells(cube, request);
      LeafCells actual = spark.leafCells(cube, request);
      assertThat(actual.dimensions()).isEqualTo(expected.dimensions());
      assertThat(actual.slicedByPeriod()).isEqualTo(expected.slicedByPeriod());
      assertThat(actual.portCountry()).isEqualTo(expected.portCountry());
      assertThat(cells(actual)).as(request.describe()).isEqualTo(cells(expected));
      assertKeySumsClose(actual, expected, request);
      leafCells += cells(expected).size();
      // Suppression (the default, which reads the contributions) and the cell-key method (which
      // reads the key sums), each through Tables over each engine.
      for (ProtectionRules rules :
          List.of(ProtectionRules.defaults(), ProtectionRules.cellKeyMethod())) {
        String ageLevel = CatalogueRequests.ageLevel(cube, request);
        List<PublishedTable.Row> published = duckdbTables.table(request, ageLevel, rules).rows();
        List<PublishedTable.Row> fromSpark = sparkTables.table(request, ageLevel, rules).rows();
        assertThat(fromSpark)
            .as("%s (%s)", request.describe(), rules.method())
            .isEqualTo(published);
        publishedRows += published.size();
        published.forEach(row -> statuses.merge(row.status(), 1L, Long::sum));
      }
    }
    statuses.forEach((status, count) -> allStatuses.merge(status, count, Long::sum));
    // A cube without cells would compare nothing.
    assertThat(leafCells).as("leaf cells of %s", cube.id()).isPositive();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "cubes: %-25s %d requests, %5d leaf cells, %5d published rows %s, identical in %.1f s"
            + " (DuckDB cells %.1f s, Spark cells %.1f s, tables %.1f s)%n",
        cube.id(),
        requests.size(),
        leafCells,
        publishedRows,
        statuses,
        seconds,
        duckdb.seconds,
        spark.seconds,
        seconds - duckdb.seconds - spark.seconds);
  }

  /** An engine's leaf cells, computed once per request and timed. */
  private static final class Timed implements LeafCellSource {
    private final LeafCellSource engine;
    private final Map<TableRequest, LeafCells> answers = new HashMap<>();
    private double seconds;

    Timed(LeafCellSource engine) {
      this.engine = engine;
    }

    @Override
    public LeafCells leafCells(CubeDefinition cube, TableRequest request) {
      LeafCells answer = answers.get(request);
      if (answer == null) {
        long started = System.nanoTime();
        answer = engine.leafCells(cube, request);
        seconds += (System.nanoTime() - started) / 1e9;
        answers.put(request, answer);
      }
      return answer;
    }
  }

  CubeStore cubeStore() {
    return node.cubeStore(run);
  }

  /** Each leaf cell's codes (with its slice) → its count and two largest contributions. */
  static Map<List<String>, List<Long>> cells(LeafCells cells) {
    Map<List<String>, List<Long>> byCodes =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    cells
        .slices()
        .forEach(
            (slice, list) -> {
              for (LeafCells.Cell cell : list) {
                List<String> key = key(slice, cell);
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
    expected
        .slices()
        .forEach((slice, list) -> list.forEach(c -> sums.put(key(slice, c), c.keySum())));
    actual
        .slices()
        .forEach(
            (slice, list) ->
                list.forEach(
                    c ->
                        assertThat(c.keySum())
                            .as("%s: key sum of %s", request.describe(), key(slice, c))
                            .isCloseTo(sums.get(key(slice, c)), within(1e-9))));
  }

  /** A cell's slice and codes. */
  private static List<String> key(String slice, LeafCells.Cell cell) {
    List<String> key = new ArrayList<>(List.of(slice));
    key.addAll(cell.codes());
    return key;
  }
}
