package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationOptions;
import org.puente.derive.DerivationResult;
import org.puente.derive.OutputTables;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.schema.EventKind;

/**
 * The engine contract for the per-traveller step: a small simulated node (Costa Rica's crossings;
 * Guatemala's crossings, residence permits and returns) is ingested and derived by the DuckDB
 * engine; then Spark classifies the same committed records, linked into the same travellers (the
 * run's histories, as assignments), and every record must get exactly the classes the DuckDB run
 * wrote. The expected values come from the DuckDB engine, an independent execution of the same
 * functions: what this checks is Spark's reading, partitioning, ordering and model pass, not the
 * rule.
 */
class SparkClassificationContractTest {

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

  private static SimulatedNode node;
  private static SparkSession spark;
  private static DerivationRun run;
  private static Map<String, List<Object>> duckdb;
  private static Map<String, List<Object>> onSpark;
  private static Map<String, List<Object>> duckdbTravellers;
  private static Map<String, List<Object>> sparkTravellers;
  private static Map<String, List<Object>> duckdbStays;
  private static Map<String, List<Object>> sparkStays;

  @BeforeAll
  static void deriveOnBothEngines() throws Exception {
    node = SimulatedNode.copy(dir);
    long started = System.nanoTime();
    DerivationOptions options = DerivationOptions.defaults(SimulatedNode.LAST.atEndOfMonth());
    DerivationResult result = new Derivation(node.lake).run(options);
    run = result.run();
    duckdb = runTable(OutputTables.HISTORIES, "submission_id", "source_line", COMPARED);
    duckdbTravellers =
        runTable(OutputTables.TRAVELLERS, "reporting_country", "traveller_id", TRAVELLER_COLUMNS);
    duckdbStays =
        runTable(OutputTables.STAYS, "arrival_submission_id", "arrival_source_line", STAY_COLUMNS);

    long derived = System.nanoTime();
    spark = SparkSessions.local(2);
    long sessionStarted = System.nanoTime();
    SparkLake sparkLake = new SparkLake(spark, node.home, node.catalog);
    SparkClassification classification =
        new SparkClassification(
            options.asOf(), options.rules(), options.unRules(), options.rollingLimit());
    SparkClassification.Results results =
        classification.classify(linkedAsTheRunLinkedThem(sparkLake));
    onSpark =
        TableRows.of(results.histories().collectAsList(), "submission_id", "source_line", COMPARED);
    sparkTravellers =
        TableRows.of(
            results.travellers().collectAsList(),
            "reporting_country",
            "traveller_id",
            TRAVELLER_COLUMNS);
    sparkStays =
        TableRows.of(
            results.stays().collectAsList(),
            "arrival_submission_id",
            "arrival_source_line",
            STAY_COLUMNS);
    long classified = System.nanoTime();
    System.out.printf(
        "timing: derive on DuckDB %.1f s; Spark session %.1f s; classify on Spark %.1f s%n",
        (derived - started) / 1e9,
        (sessionStarted - derived) / 1e9,
        (classified - sessionStarted) / 1e9);
  }

  /** The committed records, each with the traveller the DuckDB run's histories give it. */
  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> linkedAsTheRunLinkedThem(
      SparkLake sparkLake) {
    return SparkClassification.linkedRecords(
        sparkLake,
        sparkLake.runTable(run.id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT),
        run.lastSubmissionId());
  }

  private static Map<String, List<Object>> runTable(
      String table, String key1, String key2, List<String> columns) throws SQLException {
    return TableRows.ofRun(node.home, node.catalog, run, table, key1, key2, columns);
  }

  @AfterAll
  static void close() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void sparkClassifiesEveryRecordExactlyAsTheDuckDbRun() {
    TableRows.assertIdentical(onSpark, duckdb, "records");
  }

  @Test
  void sparkGivesEveryTravellerTheDuckDbRunsRow() {
    assertThat(duckdbTravellers).hasSize((int) run.travellers().orElseThrow());
    TableRows.assertIdentical(sparkTravellers, duckdbTravellers, "travellers");
  }

  @Test
  void sparkFindsTheDuckDbRunsStays() {
    assertThat(duckdbStays).hasSizeGreaterThan(1000);
    TableRows.assertIdentical(sparkStays, duckdbStays, "stays");
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
    LakeReader reader = new LakeReader(node.home, node.catalog);
    List<LakeFile> committed = reader.files(LakeQuery.of(EventKind.BORDER_CROSSING));
    long rows = committed.stream().mapToLong(LakeFile::rows).sum();
    SparkLake sparkLake = new SparkLake(spark, node.home, node.catalog);
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
            SimulatedNode.LAST.minusMonths(6).atEndOfMonth(),
            org.puente.residence.ResidenceRules.DEFAULT,
            org.puente.residence.UnDurationRules.DEFAULT,
            org.puente.residence.RollingLimit.SCHENGEN);
    Map<String, List<Object>> before =
        TableRows.of(
            earlier
                .classify(linkedAsTheRunLinkedThem(new SparkLake(spark, node.home, node.catalog)))
                .histories()
                .collectAsList(),
            "submission_id",
            "source_line",
            COMPARED);
    assertThat(before.keySet()).isEqualTo(duckdb.keySet());
    assertThat(countsBy(before, "class")).isNotEqualTo(countsBy(duckdb, "class"));
  }

  private static Map<Object, Long> countsBy(Map<String, List<Object>> rows, String column) {
    return TableRows.countsBy(rows, COMPARED.indexOf(column));
  }
}
