package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.RollUp;
import org.puente.derive.DerivationEngine;
import org.puente.derive.DerivationOptions;
import org.puente.derive.OutputTables;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.Submission;
import org.puente.linkage.PairwiseQuality;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.sdc.CellStatus;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.LeafCells;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableAssembler;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * The engine contract: what any derivation engine must give on the shared simulated node (seed 11),
 * checked against the simulator's truth and the lake itself, never against another engine. Each
 * engine runs it as a subclass ({@link DuckDbEngineContractTest}, {@link SparkEngineContractTest});
 * that the two engines' outputs are moreover identical, row for row, is {@code
 * SparkDerivationContractTest}'s and {@code SparkCubesContractTest}'s business.
 *
 * <p>Provenance of the expectations: the true traveller of each exported record and the true class
 * of each crossing come from the simulator's {@code truth/records.csv} and {@code
 * truth/crossings.csv}; the counts a table must show come from plain DuckDB SQL over the committed
 * lake files. Neither reads the run or the cubes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineContract {

  private static final RollUp ROLL_UP = new RollUp(CodeLists.standard());

  private Path dir;

  SimulatedNode node;
  DerivationRun run;

  /** The engine under test, over the node's lake. */
  abstract DerivationEngine engine();

  /** The engine's leaf cells of a cube, from the committed run {@link #run}. */
  abstract LeafCells leafCells(CubeDefinition cube, TableRequest request);

  /** Copies the node and runs the engine once; subclasses call it from their set-up. */
  final void derive() throws Exception {
    dir = java.nio.file.Files.createTempDirectory("puente-engine-contract");
    node = SimulatedNode.copy(dir);
    long started = System.nanoTime();
    run = engine().run(DerivationOptions.defaults(SimulatedNode.LAST.atEndOfMonth())).run();
    System.out.printf(
        "%s: run %d committed in %.1f s%n",
        getClass().getSimpleName(), run.id(), (System.nanoTime() - started) / 1e9);
  }

  @AfterAll
  void close() throws java.io.IOException {
    if (node != null) {
      node.close();
    }
    if (dir != null) {
      org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
    }
  }

  @Test
  void everyCommittedRecordHasExactlyOneHistoryRow() throws SQLException {
    long committed = 0;
    LakeReader reader = new LakeReader(node.home, node.catalog);
    for (EventKind kind : EventKind.values()) {
      committed += reader.files(LakeQuery.of(kind)).stream().mapToLong(LakeFile::rows).sum();
    }
    try (Connection duckdb = histories()) {
      assertThat(count(duckdb, "SELECT count(*) FROM histories")).isEqualTo(committed);
      assertThat(
              count(
                  duckdb,
                  "SELECT count(*) FROM (SELECT submission_id, source_line FROM histories"
                      + " GROUP BY ALL HAVING count(*) > 1)"))
          .isZero();
      assertThat(run.recordsLinked().orElseThrow()).isEqualTo(committed);
    }
  }

  @Test
  void linkageFindsTheTrueTravellers() throws SQLException {
    Map<String, Map<Long, String>> truth = new TreeMap<>();
    Map<String, Map<Long, Long>> clusters = new TreeMap<>();
    try (Connection duckdb = withTruth();
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT reporting_country, submission_id * 1099511627776 + source_line,"
                    + " traveller_id, true_traveller FROM judged")) {
      while (row.next()) {
        truth
            .computeIfAbsent(row.getString(1), c -> new HashMap<>())
            .put(row.getLong(2), row.getString(4));
        clusters
            .computeIfAbsent(row.getString(1), c -> new HashMap<>())
            .put(row.getLong(2), row.getLong(3));
      }
    }
    assertThat(truth.keySet()).containsExactly("CRI", "GTM");
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (String country : truth.keySet()) {
      PairwiseQuality quality = PairwiseQuality.of(truth.get(country), clusters.get(country));
      tp += quality.truePositives();
      fp += quality.falsePositives();
      fn += quality.falseNegatives();
    }
    PairwiseQuality all = new PairwiseQuality(tp, fp, fn);
    System.out.printf(
        "%s: linkage against the truth: %d true, %d false, %d missed pairs: precision %.4f,"
            + " recall %.4f%n",
        getClass().getSimpleName(), tp, fp, fn, all.precision(), all.recall());
    assertThat(tp).isGreaterThan(5_000);
    assertThat(all.precision()).isGreaterThanOrEqualTo(0.99);
    assertThat(all.recall()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void finalClassesAgreeWithTheTruth() throws SQLException {
    Map<String, Long> agreement = new TreeMap<>();
    try (Connection duckdb = withTruth();
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT CASE WHEN class = 'PROVISIONAL' OR true_class = 'PROVISIONAL'"
                    + " THEN 'provisional' WHEN (class LIKE 'MIGRANT%') = (true_class ="
                    + " 'LONG_TERM') THEN 'agree' ELSE 'disagree' END, count(*)"
                    + " FROM judged WHERE class IS NOT NULL AND true_class IS NOT NULL"
                    + " GROUP BY ALL")) {
      while (row.next()) {
        agreement.put(row.getString(1), row.getLong(2));
      }
    }
    long agree = agreement.getOrDefault("agree", 0L);
    long decided = agree + agreement.getOrDefault("disagree", 0L);
    System.out.printf(
        "%s: final classes against the truth: %s (%.4f agree)%n",
        getClass().getSimpleName(), agreement, agree / (double) decided);
    assertThat(decided).isGreaterThan(5_000);
    assertThat(agree / (double) decided).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void unprotectedCrossingsAreTheLakesCrossings() throws SQLException {
    TableRequest request =
        TableRequest.of("crossings", List.of("reporting_country", "period", "direction"))
            .periodLevel("year");
    Map<List<String>, Long> lake = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      RecordTable.createView(
          new LakeReader(node.home, node.catalog),
          duckdb,
          "crossings",
          LakeQuery.of(EventKind.BORDER_CROSSING));
      try (ResultSet row =
          statement.executeQuery(
              "SELECT reporting_country, CAST(year(event_date) AS VARCHAR), direction, count(*)"
                  + " FROM crossings GROUP BY ALL")) {
        while (row.next()) {
          lake.put(List.of(row.getString(1), row.getString(2), row.getString(3)), row.getLong(4));
        }
      }
    }
    Map<List<String>, Long> published =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (PublishedTable.Row row : table(request, ProtectionRules.none()).rows()) {
      // Leaf cells only: no total, and countries rather than their M49 regions.
      if (!row.codes().contains("_T") && row.codes().get(0).matches("[A-Z]{3}")) {
        published.put(row.codes(), row.value().orElseThrow());
      }
    }
    assertThat(lake).hasSizeGreaterThanOrEqualTo(8);
    assertThat(published).isEqualTo(lake);
  }

  @Test
  void protectionPublishesOnlySafeCellsWithTheirTrueValues() {
    TableRequest request =
        TableRequest.of("crossings", List.of("reporting_country", "period", "direction", "sex"))
            .periodLevel("month");
    Map<List<String>, Long> unprotected = new HashMap<>();
    table(request, ProtectionRules.none())
        .rows()
        .forEach(row -> unprotected.put(row.codes(), row.value().orElseThrow()));
    ProtectionRules rules = ProtectionRules.defaults();
    Map<CellStatus, Long> statuses = new TreeMap<>();
    for (PublishedTable.Row row : table(request, rules).rows()) {
      statuses.merge(row.status(), 1L, Long::sum);
      if (row.value().isPresent()) {
        assertThat(row.value().getAsLong()).isEqualTo(unprotected.get(row.codes()));
        assertThat(row.value().getAsLong())
            .as("a published cell below the threshold: %s", row.codes())
            .isGreaterThanOrEqualTo(rules.minFrequency());
      }
    }
    System.out.printf("%s: protected crossings: %s%n", getClass().getSimpleName(), statuses);
    assertThat(statuses).containsKeys(CellStatus.PRIMARY_FREQUENCY, CellStatus.SECONDARY);
  }

  private Tables.Protected table(TableRequest request, ProtectionRules rules) {
    CubeDefinition cube = CubeCatalogue.standard().require(request.cube());
    return Tables.protect(
        leafCells(cube, request),
        new TableAssembler(ROLL_UP, request.periodLevel(), "single"),
        rules);
  }

  /** A DuckDB connection with the run's histories as the view {@code histories}. */
  private Connection histories() throws SQLException {
    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
    new LakeReader(node.home, node.catalog)
        .createRunView(
            duckdb, "histories", run.id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT);
    return duckdb;
  }

  /**
   * The histories joined to the truth, as the view {@code judged}: per record its country, run
   * traveller and class, and its true traveller and (for a crossing) the true class at the end.
   */
  private Connection withTruth() throws SQLException {
    Connection duckdb = histories();
    LakeReader reader = new LakeReader(node.home, node.catalog);
    List<String> parts = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      String view = "records_" + kind.name().toLowerCase(java.util.Locale.ROOT);
      reader.createViewWithSubmission(
          duckdb, view, LakeQuery.of(kind), RecordTable.layout(RegionalSchema.standard(), kind));
      parts.add("SELECT submission_id, source_line, record_id FROM " + view);
    }
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE TABLE files (submission_id BIGINT, file VARCHAR)");
      try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO files VALUES (?, ?)")) {
        for (Submission submission : node.catalog.submissions().list()) {
          insert.setLong(1, submission.id());
          insert.setString(2, submission.fileName());
          insert.executeUpdate();
        }
      }
      Path truth = node.region.resolve("truth");
      statement.execute(
          "CREATE VIEW judged AS SELECT h.reporting_country, h.submission_id, h.source_line,"
              + " h.traveller_id, h.class, t.traveller_id AS true_traveller,"
              + " c.class_at_end AS true_class FROM histories h"
              + " JOIN ("
              + String.join(" UNION ALL ", parts)
              + ") r USING (submission_id, source_line)"
              + " JOIN files f USING (submission_id)"
              + " JOIN read_csv('"
              + truth.resolve("records.csv")
              + "', all_varchar = true) t ON t.country = h.reporting_country AND t.file = f.file"
              + " AND t.record_id = r.record_id"
              + " LEFT JOIN read_csv('"
              + truth.resolve("crossings.csv")
              + "', all_varchar = true) c ON c.traveller_id = t.traveller_id"
              + " AND c.seq = t.crossing_seq");
    }
    return duckdb;
  }

  private static long count(Connection duckdb, String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
