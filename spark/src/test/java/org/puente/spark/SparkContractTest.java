package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.RejectStore;
import org.puente.privacy.TokenDeriver;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.SpecParser;

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

  /** The compared columns, after the record's submission and source line. */
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

  @TempDir static Path dir;

  private static SparkSession spark;
  private static Catalog catalog;
  private static Lake lake;
  private static NodeHome home;
  private static DerivationRun run;
  private static Map<String, List<Object>> duckdb;
  private static Map<String, List<Object>> onSpark;

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
    KeyStore keys = KeyStore.create(home, Clock.systemUTC(), seeded, Optional.empty());
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
    duckdb = duckdbHistories(run);

    long derived = System.nanoTime();
    spark = SparkSessions.local(2);
    long sessionStarted = System.nanoTime();
    SparkLake sparkLake = new SparkLake(spark, home, catalog);
    SparkClassification classification =
        new SparkClassification(options.asOf(), options.rules(), options.unRules());
    onSpark =
        rows(
            classification
                .classify(SparkClassification.linkedRecords(sparkLake, run))
                .collectAsList());
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
    assertThat(onSpark).hasSameSizeAs(duckdb);
    assertThat(onSpark.keySet()).isEqualTo(duckdb.keySet());
    List<String> different = new ArrayList<>();
    for (Map.Entry<String, List<Object>> record : duckdb.entrySet()) {
      if (!record.getValue().equals(onSpark.get(record.getKey()))) {
        different.add(
            record.getKey()
                + ": duckdb "
                + record.getValue()
                + ", spark "
                + onSpark.get(record.getKey()));
      }
    }
    assertThat(different).as("records classified differently").isEmpty();
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
        "contract: %d records, %d crossings classified, classes %s%n",
        duckdb.size(), crossings, classes);
  }

  @Test
  void aDifferentObservationEndChangesSomeClasses() {
    // The comparison can fail: the same records classified as of six months earlier differ.
    SparkClassification earlier =
        new SparkClassification(
            LAST.minusMonths(6).atEndOfMonth(),
            org.puente.residence.ResidenceRules.DEFAULT,
            org.puente.residence.UnDurationRules.DEFAULT);
    Map<String, List<Object>> before =
        rows(
            earlier
                .classify(
                    SparkClassification.linkedRecords(new SparkLake(spark, home, catalog), run))
                .collectAsList());
    assertThat(before.keySet()).isEqualTo(duckdb.keySet());
    assertThat(countsBy(before, "class")).isNotEqualTo(countsBy(duckdb, "class"));
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

  private static Map<String, List<Object>> rows(List<Row> rows) {
    Map<String, List<Object>> byRecord = new HashMap<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>();
      for (String column : COMPARED) {
        values.add(row.getAs(column));
      }
      Object previous =
          byRecord.put(row.getAs("submission_id") + "/" + row.getAs("source_line"), values);
      assertThat(previous).as("a record classified twice").isNull();
    }
    return byRecord;
  }

  private static Map<String, List<Object>> duckdbHistories(DerivationRun run) throws SQLException {
    Map<String, List<Object>> byRecord = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      new LakeReader(home, catalog)
          .createRunView(
              connection, "h", run.id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT submission_id, source_line, " + String.join(", ", COMPARED) + " FROM h")) {
        while (row.next()) {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < COMPARED.size(); i++) {
            values.add(row.getObject(3 + i));
          }
          Object previous = byRecord.put(row.getLong(1) + "/" + row.getLong(2), values);
          assertThat(previous).as("a record in the histories twice").isNull();
        }
      }
    }
    return byRecord;
  }
}
