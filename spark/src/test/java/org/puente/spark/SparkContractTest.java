package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
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
import org.puente.derive.DerivationResult;
import org.puente.derive.OutputTables;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.RejectStore;
import org.puente.privacy.TokenDeriver;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.sdc.ProtectionRules;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.SpecParser;
import org.puente.stats.CubeQuery;
import org.puente.stats.CubeStore;
import org.puente.stats.LeafCells;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableAssembler;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * The engine contract for the per-traveller step: a small simulated node (Costa Rica's crossings;
 * Guatemala's crossings, residence permits and returns) is ingested and derived by the DuckDB
 * engine; then Spark classifies the same committed records, linked into the same travellers (the
 * run's histories), and every record must get exactly the classes the DuckDB run wrote. The
 * expected values come from the DuckDB engine, an independent execution of the same functions: what
 * this checks is Spark's reading, partitioning, ordering and model pass, not the rule.
 */
class SparkContractTest {

  private static final YearMonth FIRST = YearMonth.of(2023, 1);
  private static final YearMonth LAST = YearMonth.of(2024, 12);

  /** The exports loaded, as in examples/specs/simulated-region.csv. */
  private static final List<String[]> EXPORTS =
      List.of(
          new String[] {"CRI", "dgme_cr_movimientos.csv", "cri-crossings"},
          new String[] {"CRI", "dgme_cr_residencias.xlsx", "cri-residence-permits"},
          new String[] {"CRI", "dgme_cr_permisos_laborales.xlsx", "cri-work-permits"},
          new String[] {"GTM", "igm_flujos_migratorios.csv", "gtm-crossings"},
          new String[] {"GTM", "igm_retornados.csv", "gtm-returns"});

  /** The compared columns of the histories, after the record's submission and source line. */
  private static final List<String> COMPARED =
      List.of(
          "reporting_country",
          "event_kind",
          "traveller_id",
          "class",
          "predicted_class",
          "predicted_permille",
          "resident_before",
          "un_class",
          "days_abroad",
          "unmatched");

  /** The travellers' compared columns, after the country and the traveller. */
  private static final List<String> TRAVELLER_COLUMNS =
      List.of(
          "first_date",
          "last_date",
          "records",
          "crossings",
          "citizenship",
          "rolling_max_days",
          "rolling_days_over",
          "rolling_first_day_over");

  /** The stays' compared columns, after the arrival's submission and source line. */
  private static final List<String> STAY_COLUMNS =
      List.of(
          "traveller_id",
          "arrival_date",
          "arrival_port",
          "departure_date",
          "citizenship",
          "length_days",
          "open",
          "authorised_days",
          "overstay_days",
          "in_country_overstay");

  @TempDir static Path dir;

  private static SparkSession spark;
  private static Catalog catalog;
  private static Lake lake;
  private static NodeHome home;
  private static DerivationRun run;
  private static KeyStore keys;
  private static Map<String, List<Object>> duckdb;
  private static Map<String, List<Object>> onSpark;
  private static Map<String, List<Object>> duckdbTravellers;
  private static Map<String, List<Object>> sparkTravellers;
  private static Map<String, List<Object>> duckdbStays;
  private static Map<String, List<Object>> sparkStays;

  @BeforeAll
  static void deriveOnBothEngines() throws Exception {
    long started = System.nanoTime();
    Simulator simulator = Simulator.standard();
    Path region = dir.resolve("region");
    simulator.run(
        new SimulationConfig(
            11,
            0.0003,
            FIRST,
            LAST,
            simulator.region().countryCodes(),
            NoiseSettings.defaults(),
            2),
        region,
        households -> {});
    home = new NodeHome(dir.resolve("home"));
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(11);
    keys = KeyStore.create(home, Clock.systemUTC(), seeded, Optional.empty());
    catalog = Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
    lake = Lake.open(home, catalog);
    Ingestor ingestor =
        new Ingestor(
            lake,
            new RejectStore(keys, new SecureRandom()),
            new TokenDeriver(keys.network()),
            Ingestor.standardEncoder(keys.network()),
            Ingestor.standardDocumentEncoder(keys.network()),
            2);
    Path specs = Path.of("../examples/specs");
    for (String[] export : EXPORTS) {
      org.puente.ingest.store.IngestResult ingested =
          ingestor.ingest(
              SpecParser.standard()
                  .parse(export[2] + ".yaml", Files.readString(specs.resolve(export[2] + ".yaml"))),
              region.resolve(export[0]).resolve(export[1]),
              done -> {});
      System.out.printf("ingested %s: %s%n", export[1], ingested.counts());
    }
    DerivationOptions options = DerivationOptions.defaults(LAST.atEndOfMonth());
    DerivationResult result = new Derivation(lake).run(options);
    run = result.run();
    duckdb = duckdbTable(run, OutputTables.HISTORIES, "submission_id", "source_line", COMPARED);
    duckdbTravellers =
        duckdbTable(
            run, OutputTables.TRAVELLERS, "reporting_country", "traveller_id", TRAVELLER_COLUMNS);
    duckdbStays =
        duckdbTable(
            run, OutputTables.STAYS, "arrival_submission_id", "arrival_source_line", STAY_COLUMNS);

    long derived = System.nanoTime();
    spark = SparkSessions.local(2);
    long sessionStarted = System.nanoTime();
    SparkLake sparkLake = new SparkLake(spark, home, catalog);
    SparkClassification classification =
        new SparkClassification(
            options.asOf(), options.rules(), options.unRules(), options.rollingLimit());
    SparkClassification.Results results =
        classification.classify(SparkClassification.linkedRecords(sparkLake, run));
    onSpark = rows(results.histories().collectAsList(), "submission_id", "source_line", COMPARED);
    sparkTravellers =
        rows(
            results.travellers().collectAsList(),
            "reporting_country",
            "traveller_id",
            TRAVELLER_COLUMNS);
    sparkStays =
        rows(
            results.stays().collectAsList(),
            "arrival_submission_id",
            "arrival_source_line",
            STAY_COLUMNS);
    long classified = System.nanoTime();
    System.out.printf(
        "timing: simulate, ingest and derive on DuckDB %.1f s; Spark session %.1f s;"
            + " classify on Spark %.1f s%n",
        (derived - started) / 1e9,
        (sessionStarted - derived) / 1e9,
        (classified - sessionStarted) / 1e9);
  }

  @AfterAll
  static void close() {
    if (lake != null) {
      lake.close();
    }
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void sparkClassifiesEveryRecordExactlyAsTheDuckDbRun() {
    assertIdentical(onSpark, duckdb, "records");
  }

  @Test
  void sparkGivesEveryTravellerTheDuckDbRunsRow() {
    assertThat(duckdbTravellers).hasSize((int) run.travellers().orElseThrow());
    assertIdentical(sparkTravellers, duckdbTravellers, "travellers");
  }

  @Test
  void sparkFindsTheDuckDbRunsStays() {
    assertThat(duckdbStays).hasSizeGreaterThan(1000);
    assertIdentical(sparkStays, duckdbStays, "stays");
  }

  private static void assertIdentical(
      Map<String, List<Object>> spark, Map<String, List<Object>> duckdb, String what) {
    assertThat(spark).as(what).hasSameSizeAs(duckdb);
    assertThat(spark.keySet()).as(what).isEqualTo(duckdb.keySet());
    List<String> different = new ArrayList<>();
    for (Map.Entry<String, List<Object>> row : duckdb.entrySet()) {
      if (!row.getValue().equals(spark.get(row.getKey()))) {
        different.add(
            row.getKey() + ": duckdb " + row.getValue() + ", spark " + spark.get(row.getKey()));
      }
    }
    assertThat(different).as(what + " derived differently").isEmpty();
  }

  @Test
  void theCountsByClassAreEqual() {
    assertThat(countsBy(onSpark, "class")).isEqualTo(countsBy(duckdb, "class"));
    assertThat(countsBy(onSpark, "un_class")).isEqualTo(countsBy(duckdb, "un_class"));
  }

  @Test
  void theFixtureHasWhatTheContractCompares() {
    Map<Object, Long> classes = countsBy(duckdb, "class");
    // Final classes of both directions and provisional ones (a model-predicted probability).
    assertThat(classes)
        .containsKeys(
            "MIGRANT_ARRIVAL",
            "NON_MIGRANT_ARRIVAL",
            "MIGRANT_DEPARTURE",
            "NON_MIGRANT_DEPARTURE",
            "PROVISIONAL");
    assertThat(countsBy(duckdb, "event_kind")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(countsBy(duckdb, "reporting_country")).containsKeys("CRI", "GTM");
    assertThat(countsBy(duckdb, "predicted_permille")).hasSizeGreaterThan(2);
    long crossings = duckdb.values().stream().filter(r -> r.get(3) != null).count();
    assertThat(crossings).isGreaterThan(1000);
    System.out.printf(
        "contract: %d records, %d crossings classified, classes %s; %d travellers, %d stays%n",
        duckdb.size(), crossings, classes, duckdbTravellers.size(), duckdbStays.size());
  }

  @Test
  void sparkReadsTheCommittedFilesOnlyNotTheDirectory() throws java.io.IOException {
    LakeReader reader = new LakeReader(home, catalog);
    List<LakeFile> committed = reader.files(LakeQuery.of(EventKind.BORDER_CROSSING));
    long rows = committed.stream().mapToLong(LakeFile::rows).sum();
    SparkLake sparkLake = new SparkLake(spark, home, catalog);
    assertThat(sparkLake.records(EventKind.BORDER_CROSSING).count()).isEqualTo(rows);
    // A file in a partition's directory that no manifest lists (a crashed commit's leftover).
    Path first = reader.resolve(committed.get(0));
    Path leftover = first.resolveSibling("part-999999-0.parquet");
    Files.copy(first, leftover);
    try {
      assertThat(sparkLake.records(EventKind.BORDER_CROSSING).count()).isEqualTo(rows);
      assertThat(
              sparkLake
                  .records(EventKind.BORDER_CROSSING)
                  .where(org.apache.spark.sql.functions.col("submission_id").equalTo(999999))
                  .count())
          .isZero();
    } finally {
      Files.delete(leftover);
    }
  }

  @Test
  void aDifferentObservationEndChangesSomeClasses() {
    // The comparison can fail: the same records classified as of six months earlier differ.
    SparkClassification earlier =
        new SparkClassification(
            LAST.minusMonths(6).atEndOfMonth(),
            org.puente.residence.ResidenceRules.DEFAULT,
            org.puente.residence.UnDurationRules.DEFAULT,
            org.puente.residence.RollingLimit.SCHENGEN);
    Map<String, List<Object>> before =
        rows(
            earlier
                .classify(
                    SparkClassification.linkedRecords(new SparkLake(spark, home, catalog), run))
                .histories()
                .collectAsList(),
            "submission_id",
            "source_line",
            COMPARED);
    assertThat(before.keySet()).isEqualTo(duckdb.keySet());
    assertThat(countsBy(before, "class")).isNotEqualTo(countsBy(duckdb, "class"));
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
            home,
            new LakeReader(home, catalog),
            RegionalSchema.standard(),
            run,
            CubeStore.cellKeySecret(keys))
        .store();
  }

  private static SparkCubes sparkCubes() {
    return new SparkCubes(
        new SparkLake(spark, home, catalog), run, ROLL_UP, CubeStore.cellKeySecret(keys));
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

  private static Map<Object, Long> countsBy(Map<String, List<Object>> rows, String column) {
    int index = COMPARED.indexOf(column);
    Map<Object, Long> counts = new TreeMap<>();
    for (List<Object> row : rows.values()) {
      Object value = row.get(index);
      counts.merge(value == null ? "(none)" : value.toString(), 1L, Long::sum);
    }
    return counts;
  }

  private static Map<String, List<Object>> rows(
      List<Row> rows, String key1, String key2, List<String> columns) {
    Map<String, List<Object>> byKey = new HashMap<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>();
      for (String column : columns) {
        values.add(normalise(row.getAs(column)));
      }
      Object previous = byKey.put(row.getAs(key1) + "/" + row.getAs(key2), values);
      assertThat(previous).as("a row twice: %s", row).isNull();
    }
    return byKey;
  }

  /** The rows of one of the run's tables, by two key columns. */
  private static Map<String, List<Object>> duckdbTable(
      DerivationRun run, String table, String key1, String key2, List<String> columns)
      throws SQLException {
    TableLayout layout =
        switch (table) {
          case OutputTables.HISTORIES -> OutputTables.HISTORIES_LAYOUT;
          case OutputTables.TRAVELLERS -> OutputTables.TRAVELLERS_LAYOUT;
          default -> OutputTables.STAYS_LAYOUT;
        };
    Map<String, List<Object>> byKey = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      new LakeReader(home, catalog).createRunView(connection, "t", run.id(), table, layout);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT " + key1 + ", " + key2 + ", " + String.join(", ", columns) + " FROM t")) {
        while (row.next()) {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            values.add(normalise(row.getObject(3 + i)));
          }
          Object previous = byKey.put(row.getObject(1) + "/" + row.getObject(2), values);
          assertThat(previous).as("a row of %s twice", table).isNull();
        }
      }
    }
    return byKey;
  }

  /** Dates as LocalDate whichever class a driver gives them. */
  private static Object normalise(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : value;
  }
}
