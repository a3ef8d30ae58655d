package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.catalog.AuditEntry;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.Receipt;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.RunCounts;
import org.puente.lake.catalog.RunFile;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.lake.catalog.SubmissionStatus;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;
import org.puente.schema.EventKind;

/**
 * The lake and catalog contract, run against every catalog backend by one subclass each: what
 * readers see before and after a commit, after failures and crashes, for duplicates and for
 * concurrent writers.
 */
abstract class LakeContractTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final int ROWS_PER_FILE = 1_000;

  @TempDir Path temp;

  NodeHome home;
  CatalogConfig config;
  Catalog catalog;
  Lake lake;
  LakeReader reader;
  Source source;

  /** A fresh, empty catalog for one test. */
  abstract CatalogConfig newCatalog(NodeHome home);

  /** Removes what {@link #newCatalog} made. */
  abstract void dropCatalog(CatalogConfig config);

  @BeforeEach
  void openLake() {
    home = new NodeHome(temp.resolve("home"));
    config = newCatalog(home);
    openAgain();
  }

  @AfterEach
  void closeLake() {
    closeAll();
    dropCatalog(config);
  }

  static Source gtmCrossings(Catalog catalog) {
    return catalog.sources().register("GTM", EventKind.BORDER_CROSSING, "gtm-dgm-csv", "1");
  }

  @Test
  void migrationsApplyAndReapplyingChangesNothing() throws SQLException {
    closeAll();
    openAgain(); // a second open finds nothing pending
    assertThat(catalog.sources().list()).containsExactly(source);
    assertThat(catalog.submissions().list()).isEmpty();
    try (Connection connection = catalogConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*), MAX(version) FROM flyway_schema_history"
                    + " WHERE success AND type = 'SQL'")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(7);
      assertThat(row.getString(2)).isEqualTo("7");
    }
  }

  @Test
  void aCatalogMissingItsNewestMigrationGetsItOnOpen() throws SQLException {
    // Opening skips Flyway when every migration is in the history; a catalog without the newest
    // one (its tables dropped, its history row deleted) must still be migrated.
    closeAll();
    try (Connection connection = catalogConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE agreement_results");
      statement.execute("DROP TABLE agreements");
      assertThat(statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '7'"))
          .isEqualTo(1);
    }
    openAgain();
    assertThat(catalog.agreements().list()).isEmpty();
    try (Connection connection = catalogConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version = '7'")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void theAuditLogKeepsEntriesInOrderAndSurvivesReopening() {
    AuditEntry first =
        catalog
            .audit()
            .append("ana", "cli@node-1", "REJECT_REVEALED", "submission 3 line 39", "ok");
    AuditEntry second =
        catalog
            .audit()
            .append("ben", "cli@node-1", "REJECT_REVEALED", "submission 3 line 40", "ok");
    assertThat(second.id()).isGreaterThan(first.id());
    closeAll();
    openAgain();
    List<AuditEntry> recent = catalog.audit().recent(10);
    assertThat(recent).extracting(AuditEntry::actor).containsExactly("ana", "ben");
    assertThat(recent.get(0).target()).isEqualTo("submission 3 line 39");
    assertThat(recent.get(0).at()).isEqualTo(first.at());
    assertThat(catalog.audit().recent(1)).extracting(AuditEntry::id).containsExactly(second.id());
  }

  @Test
  void commitMakesFilesVisibleAndNotBefore() throws SQLException {
    SubmissionWriter writer = accepted("a.csv", "content a");
    SplittableRandom random = new SplittableRandom(1);
    long ageSum = 0;
    for (long seq = 0; seq < 2_500; seq++) {
      Object[] row = Rows.row(seq, 2, random);
      ageSum += row[2] == null ? 0 : (Integer) row[2];
      writer.append(row);
    }
    List<LakeFile> moved = writer.moveIntoLake();

    // The files are in the lake directory now, but no manifest lists them yet.
    assertThat(moved).isNotEmpty().allSatisfy(f -> assertThat(reader.resolve(f)).exists());
    assertThat(reader.files(LakeQuery.of(EventKind.BORDER_CROSSING))).isEmpty();
    assertThat(count("crossings")).isZero();

    Submission committed = writer.recordCommit(RowCounts.allAccepted(2_500), moved);

    assertThat(committed.status()).isEqualTo(SubmissionStatus.COMMITTED);
    assertThat(reader.files(LakeQuery.of(EventKind.BORDER_CROSSING)))
        .containsExactlyInAnyOrderElementsOf(moved);
    assertThat(count("crossings")).isEqualTo(2_500);
    assertThat(queryLong("SELECT SUM(age) FROM crossings")).isEqualTo(ageSum);
    assertThat(queryLong("SELECT COUNT(DISTINCT seq) FROM crossings")).isEqualTo(2_500);
    assertThat(stagingEntries()).isEmpty();
  }

  @Test
  void filesArePartitionedByKindCountryAndMonth() throws SQLException {
    ingest(source, "a.csv", "content a", 3_000, 3);
    Source hnd = catalog.sources().register("HND", EventKind.BORDER_CROSSING, "hnd-csv", "1");
    ingest(hnd, "b.csv", "content b", 500, 1);

    List<LakeFile> all = reader.files(LakeQuery.of(EventKind.BORDER_CROSSING));
    // 1,000 rows per month for GTM: one full file each; HND: 500 rows in January.
    assertThat(all).hasSize(4);
    for (LakeFile file : all) {
      String expectedDirectory =
          "kind=BORDER_CROSSING/country="
              + file.partition().country()
              + "/period="
              + file.partition().period();
      assertThat(file.path()).startsWith(expectedDirectory + "/part-");
      YearMonth month = file.partition().period();
      String path = reader.resolve(file).toString();
      assertThat(
              queryLong(
                  "SELECT COUNT(*) FROM read_parquet('"
                      + path
                      + "') WHERE year(event_date) = "
                      + month.getYear()
                      + " AND month(event_date) = "
                      + month.getMonthValue()))
          .isEqualTo(file.rows());
      assertThat(queryLong("SELECT COUNT(*) FROM read_parquet('" + path + "')"))
          .isEqualTo(file.rows());
      assertThat(file.bytes()).isEqualTo(sizeOf(reader.resolve(file)));
    }
    LakeQuery gtmFebruary =
        LakeQuery.of(EventKind.BORDER_CROSSING).country("GTM").period(YearMonth.of(2024, 2));
    assertThat(reader.files(gtmFebruary))
        .singleElement()
        .extracting(LakeFile::rows)
        .isEqualTo(1_000L);
    assertThat(reader.files(LakeQuery.of(EventKind.BORDER_CROSSING).country("HND")))
        .singleElement()
        .extracting(LakeFile::rows)
        .isEqualTo(500L);
    assertThat(
            reader.files(
                LakeQuery.of(EventKind.BORDER_CROSSING)
                    .periods(YearMonth.of(2024, 2), YearMonth.of(2024, 3))))
        .hasSize(2);
    assertThat(reader.files(LakeQuery.of(EventKind.WORK_PERMIT))).isEmpty();
  }

  @Test
  void countsAndManifestAreRecorded() {
    Submission done;
    try (SubmissionWriter writer = accepted("a.csv", "content a")) {
      SplittableRandom random = new SplittableRandom(2);
      for (long seq = 0; seq < 1_700; seq++) {
        writer.append(Rows.row(seq, 1, random));
      }
      done = writer.commit(new RowCounts(1_750, 1_700, 40, 10));
      assertThatThrownBy(() -> writer.commit(new RowCounts(1_750, 1_700, 40, 10)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> writer.append(Rows.row(0, 1, random)))
          .isInstanceOf(IllegalStateException.class);
    }
    Submission stored = catalog.submissions().get(done.id());
    assertThat(stored).isEqualTo(done);
    assertThat(stored.counts()).contains(new RowCounts(1_750, 1_700, 40, 10));
    assertThat(stored.receivedAt()).isEqualTo(NOW);
    assertThat(stored.finishedAt()).contains(NOW);
    assertThat(stored.fileName()).isEqualTo("a.csv");
    assertThat(stored.failure()).isEmpty();
    assertThat(stored.contentSha256()).isEqualTo(sha("content a"));
    List<LakeFile> files = catalog.manifests().filesOf(done.id());
    // 1,700 rows of one month at 1,000 rows per file: two files.
    assertThat(files).extracting(LakeFile::rows).containsExactlyInAnyOrder(1_000L, 700L);
    assertThat(files).allSatisfy(f -> assertThat(f.path()).contains("part-" + done.id() + "-"));
  }

  @Test
  void countsThatDisagreeWithTheRowsWrittenAreRefused() {
    try (SubmissionWriter writer = accepted("a.csv", "content a")) {
      writer.append(Rows.row(0, 1, new SplittableRandom(3)));
      assertThatThrownBy(() -> writer.commit(RowCounts.allAccepted(2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("accepted 2 != rows appended 1");
    }
  }

  @Test
  void failureBeforeCommitLeavesNothingVisibleAndNothingStaged() throws SQLException {
    long id;
    try (SubmissionWriter writer = accepted("a.csv", "content a")) {
      id = writer.submission().id();
      SplittableRandom random = new SplittableRandom(4);
      for (long seq = 0; seq < 2_500; seq++) {
        writer.append(Rows.row(seq, 1, random)); // 2 files flushed to staging already
      }
      Object[] bad = Rows.row(2_500, 1, random);
      bad[2] = "forty"; // age must be an Integer: a broken caller
      assertThatThrownBy(() -> writer.append(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column age expects Integer, got String");
    }
    Submission failed = catalog.submissions().get(id);
    assertThat(failed.status()).isEqualTo(SubmissionStatus.FAILED);
    assertThat(failed.failure()).contains(SubmissionWriter.ABANDONED);
    assertThat(stagingEntries()).isEmpty();
    assertThat(parquetFilesOnDisk()).isEmpty();
    assertThat(count("crossings")).isZero();
  }

  @Test
  void crashAfterFilesMovedLeavesNothingVisibleAndReopeningCleansUp() throws Exception {
    SubmissionWriter writer = accepted("a.csv", "content a");
    SplittableRandom random = new SplittableRandom(5);
    for (long seq = 0; seq < 2_500; seq++) {
      writer.append(Rows.row(seq, 1, random));
    }
    writer.moveIntoLake();
    long orphans = parquetFilesOnDisk().size();
    assertThat(orphans).isEqualTo(3);
    // The process "dies" here: no commit, no close of the writer.
    closeAll();
    openAgain();

    assertThat(lake.recovery()).isEqualTo(new RecoveryReport(1, 1, 3)); // staging: its directory
    assertThat(catalog.submissions().get(writer.submission().id()).status())
        .isEqualTo(SubmissionStatus.FAILED);
    assertThat(parquetFilesOnDisk()).isEmpty();
    assertThat(count("crossings")).isZero();
  }

  @Test
  void killedProcessBeforeMoveIsCleanedAndTheRerunLoadsOnce() throws Exception {
    killedProcessLeavesNothing("staged");
  }

  @Test
  void killedProcessAfterMoveIsCleanedAndTheRerunLoadsOnce() throws Exception {
    killedProcessLeavesNothing("moved");
  }

  private void killedProcessLeavesNothing(String phase) throws Exception {
    closeAll(); // the child process needs the writer lock (and, embedded, the database file)
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingIngest.class.getName(),
                home.root().toString(),
                config.jdbcUrl(),
                config.user() == null ? "" : config.user(),
                config.schema().orElse("-"),
                phase,
                "crash content")
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isEqualTo(137);
    assertThat(output).contains("dying after phase " + phase);
    if (phase.equals("moved")) {
      assertThat(parquetFilesOnDisk()).isNotEmpty();
    } else {
      assertThat(stagingEntries()).isNotEmpty();
    }

    openAgain();

    assertThat(lake.recovery().interruptedSubmissions()).isEqualTo(1);
    assertThat(stagingEntries()).isEmpty();
    assertThat(parquetFilesOnDisk()).isEmpty();
    assertThat(count("crossings")).isZero();
    // Re-running the same load completes it exactly once: the failed attempt is not a duplicate.
    Submission rerun = ingest(source, "crash.csv", "crash content", CrashingIngest.ROWS, 3);
    assertThat(rerun.status()).isEqualTo(SubmissionStatus.COMMITTED);
    assertThat(count("crossings")).isEqualTo(CrashingIngest.ROWS);
  }

  @Test
  void sameContentAgainIsRecognisedAndChangesNothing() throws Exception {
    Submission first = ingest(source, "march.csv", "the same bytes", 1_500, 2);
    List<Path> filesBefore = parquetFilesOnDisk();

    Receipt again = lake.receive(source, "march-copy.csv", sha("the same bytes"));

    assertThat(again).isInstanceOf(Receipt.Duplicate.class);
    Receipt.Duplicate duplicate = (Receipt.Duplicate) again;
    assertThat(duplicate.earlier()).isEqualTo(first);
    assertThat(duplicate.submission().status()).isEqualTo(SubmissionStatus.DUPLICATE);
    assertThat(duplicate.submission().duplicateOf()).hasValue(first.id());
    assertThat(duplicate.submission().fileName()).isEqualTo("march-copy.csv");
    assertThat(parquetFilesOnDisk()).isEqualTo(filesBefore);
    assertThat(count("crossings")).isEqualTo(1_500);
    assertThat(catalog.submissions().list())
        .extracting(Submission::status)
        .containsExactly(SubmissionStatus.COMMITTED, SubmissionStatus.DUPLICATE);

    // The same bytes from another source are that source's own data.
    Source other = catalog.sources().register("GTM", EventKind.BORDER_CROSSING, "gtm-xlsx", "1");
    assertThat(lake.receive(other, "march.csv", sha("the same bytes")))
        .isInstanceOf(Receipt.Accepted.class);
  }

  @Test
  void twoWritersOfTheSameContentCommitOnce() throws Exception {
    SubmissionWriter first = accepted("a.csv", "same");
    SubmissionWriter second = accepted("a-again.csv", "same");
    SplittableRandom random = new SplittableRandom(6);
    for (long seq = 0; seq < 1_200; seq++) {
      Object[] row = Rows.row(seq, 1, random);
      first.append(row);
      second.append(row);
    }
    Submission won = first.commit(RowCounts.allAccepted(1_200));
    Submission lost = second.commit(RowCounts.allAccepted(1_200));

    assertThat(won.status()).isEqualTo(SubmissionStatus.COMMITTED);
    assertThat(lost.status()).isEqualTo(SubmissionStatus.DUPLICATE);
    assertThat(lost.duplicateOf()).hasValue(won.id());
    assertThat(lost.counts()).isEmpty();
    assertThat(count("crossings")).isEqualTo(1_200);
    assertThat(parquetFilesOnDisk()).hasSize(2); // the winner's 1,000 + 200 rows
  }

  @Test
  void concurrentCommitsOfTwoSubmissionsAreBothVisible() throws Exception {
    Source hnd = catalog.sources().register("HND", EventKind.BORDER_CROSSING, "hnd-csv", "1");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Submission> gtm = pool.submit(() -> afterLatch(start, source, "g.csv", 2_300));
      Future<Submission> hon = pool.submit(() -> afterLatch(start, hnd, "h.csv", 1_100));
      start.countDown();
      assertThat(gtm.get(60, TimeUnit.SECONDS).status()).isEqualTo(SubmissionStatus.COMMITTED);
      assertThat(hon.get(60, TimeUnit.SECONDS).status()).isEqualTo(SubmissionStatus.COMMITTED);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("crossings")).isEqualTo(3_400);
    assertThat(queryLong("SELECT COUNT(DISTINCT seq) FROM crossings")).isEqualTo(2_300);
  }

  @Test
  void theCatalogItselfRefusesCountsThatDoNotAddUp() throws SQLException {
    long id = accepted("a.csv", "content a").submission().id();
    try (Connection connection = catalogConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(
              () ->
                  statement.executeUpdate(
                      "UPDATE submissions SET status = 'COMMITTED',"
                          + " committed_sha256 = content_sha256, rows_read = 5,"
                          + " rows_accepted = 1, rows_rejected = 1, rows_duplicate = 1"
                          + " WHERE id = "
                          + id))
          .isInstanceOf(SQLException.class)
          .hasMessageContainingAll("submissions_counts_add_up")
          // integrity constraint violation: 23514 in PostgreSQL, 23513 in H2
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("2351"));
    }
  }

  @Test
  void anEmptyLakeGivesAnEmptyViewWithTheLayoutsColumns() throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createView(duckdb, "permits", LakeQuery.of(EventKind.WORK_PERMIT), Rows.LAYOUT);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT COUNT(*), string_agg(column_name || ' ' || column_type, ', ')"
                  + " FROM (DESCRIBE SELECT * FROM permits), (SELECT COUNT(*) c FROM permits)"
                  + " WHERE c = 0")) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(Rows.LAYOUT.size());
        assertThat(row.getString(2))
            .isEqualTo(
                "event_date DATE, person_token VARCHAR, age INTEGER, arrival BOOLEAN,"
                    + " seq BIGINT, recorded_at TIMESTAMP");
      }
    }
  }

  @Test
  void filesWrittenUnderAnOlderLayoutReadTheNewColumnAsNull() throws SQLException {
    TableLayout older = TableLayout.of("event_date", "event_date DATE", "seq BIGINT");
    Receipt receipt = lake.receive(source, "old.csv", sha("old layout"));
    try (SubmissionWriter writer = lake.writer((Receipt.Accepted) receipt, source, older)) {
      writer.append(LocalDate.of(2023, 12, 5), 1L);
      writer.append(LocalDate.of(2023, 12, 6), 2L);
      writer.commit(RowCounts.allAccepted(2));
    }
    ingest(source, "new.csv", "new layout", 3, 1);

    assertThat(count("crossings")).isEqualTo(5);
    assertThat(queryLong("SELECT COUNT(*) FROM crossings WHERE person_token IS NULL")).isEqualTo(2);
    assertThat(queryLong("SELECT SUM(seq) FROM crossings WHERE event_date < DATE '2024-01-01'"))
        .isEqualTo(3);
  }

  @Test
  void aViewIsASnapshotOfWhatWasCommittedWhenItWasMade() throws SQLException {
    ingest(source, "a.csv", "content a", 100, 1);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createView(duckdb, "crossings", LakeQuery.of(EventKind.BORDER_CROSSING), Rows.LAYOUT);
      ingest(source, "b.csv", "content b", 50, 1);
      try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM crossings")) {
        row.next();
        assertThat(row.getLong(1)).isEqualTo(100);
      }
    }
    assertThat(count("crossings")).isEqualTo(150); // a new view sees both
  }

  @Test
  void aRunPublishesItsTablesInOneCommitAndReadsBackWithSubmissionIds() throws SQLException {
    Submission first = ingest(source, "a.csv", "content a", 1_500, 2);
    DerivationRun run = catalog.runs().start(LocalDate.of(2024, 6, 30), DerivationRun.Mode.FULL);
    assertThat(run.status()).isEqualTo(DerivationRun.Status.RUNNING);
    assertThat(run.lastSubmissionId()).isEqualTo(first.id());
    List<Long> submissionIds = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createViewWithSubmission(
          duckdb, "crossings", LakeQuery.of(EventKind.BORDER_CROSSING), Rows.LAYOUT);
      try (ResultSet row = statement.executeQuery("SELECT DISTINCT submission_id FROM crossings")) {
        while (row.next()) {
          submissionIds.add(row.getLong(1));
        }
      }
    }
    assertThat(submissionIds).containsExactly(first.id());

    SplittableRandom random = new SplittableRandom(3);
    try (RunWriter writer = lake.runWriter(run)) {
      appendClasses(writer, "GTM", 0, 1_200, random);
      assertThat(catalog.runs().files(run.id(), "classes")).isEmpty();
      DerivationRun committed = writer.commit(new RunCounts(1_200, 900, "{\"model\": 1}", "{}"));
      assertThat(committed.status()).isEqualTo(DerivationRun.Status.COMMITTED);
      assertThat(committed.travellers()).hasValue(900);
    }
    List<RunFile> files = catalog.runs().files(run.id(), "classes");
    assertThat(files)
        .hasSize(3)
        .allSatisfy(
            f ->
                assertThat(f.file().path())
                    .startsWith(
                        "derived/classes/run-"
                            + run.id()
                            + "/kind=BORDER_CROSSING/country=GTM/period=2024-"));
    assertThat(catalog.runs().latestCommitted()).map(DerivationRun::id).hasValue(run.id());
    assertThat(distinctRunSeqs(run)).isEqualTo(1_200);
    // The run's files survive reopening: recovery knows them as committed.
    closeAll();
    openAgain();
    assertThat(files).allSatisfy(f -> assertThat(reader.resolve(f.file())).exists());
  }

  @Test
  void aCountryFinishedEarlyIsCommittedWithTheRestAndNotWrittenAgain() throws SQLException {
    DerivationRun run = catalog.runs().start(LocalDate.of(2024, 12, 31), DerivationRun.Mode.FULL);
    SplittableRandom random = new SplittableRandom(5);
    try (RunWriter writer = lake.runWriter(run)) {
      appendClasses(writer, "GTM", 0, 500, random);
      writer.finishCountry("GTM");
      assertThat(catalog.runs().files(run.id(), "classes")).isEmpty(); // staged, not committed
      assertThatThrownBy(
              () -> writer.table("classes", EventKind.BORDER_CROSSING, "GTM", Rows.LAYOUT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("GTM");
      appendClasses(writer, "HND", 500, 800, random);
      writer.commit(new RunCounts(800, 600, "{}", "{}"));
    }
    List<RunFile> files = catalog.runs().files(run.id(), "classes");
    assertThat(files.stream().mapToLong(f -> f.file().rows()).sum()).isEqualTo(800);
    assertThat(files)
        .extracting(f -> f.file().path().replaceAll(".*country=([A-Z]+)/.*", "$1"))
        .containsOnly("GTM", "HND");
    assertThat(distinctRunSeqs(run)).isEqualTo(800);
  }

  @Test
  void anAbandonedOrInterruptedRunLeavesNothingAndIsRecordedFailed() throws IOException {
    DerivationRun abandoned =
        catalog.runs().start(LocalDate.of(2024, 6, 30), DerivationRun.Mode.FULL);
    try (RunWriter writer = lake.runWriter(abandoned)) {
      writer
          .table("classes", EventKind.BORDER_CROSSING, "GTM", Rows.LAYOUT)
          .append(Rows.row(0, 1, new SplittableRandom(1)));
    }
    assertThat(catalog.runs().get(abandoned.id()).status()).isEqualTo(DerivationRun.Status.FAILED);
    assertThat(catalog.runs().latestCommitted()).isEmpty();

    // A process that died after moving a file into the lake, before its commit.
    DerivationRun interrupted =
        catalog.runs().start(LocalDate.of(2024, 6, 30), DerivationRun.Mode.INCREMENTAL);
    Path orphan = home.lake().resolve("derived/classes/run-" + interrupted.id() + "/x.parquet");
    Files.createDirectories(orphan.getParent());
    Files.writeString(orphan, "half");
    closeAll();
    openAgain();
    assertThat(lake.recovery().orphanFilesRemoved()).isEqualTo(1);
    assertThat(orphan).doesNotExist();
    DerivationRun after = catalog.runs().get(interrupted.id());
    assertThat(after.status()).isEqualTo(DerivationRun.Status.FAILED);
    assertThat(after.failure()).hasValue(Recovery.INTERRUPTED);
    assertThat(parquetFilesOnDisk()).isEmpty();
  }

  /** Appends rows {@code from} to {@code to} - 1 to a run's table "classes" of {@code country}. */
  private static void appendClasses(
      RunWriter writer, String country, long from, long to, SplittableRandom random) {
    for (long seq = from; seq < to; seq++) {
      writer
          .table("classes", EventKind.BORDER_CROSSING, country, Rows.LAYOUT)
          .append(Rows.row(seq, 3, random));
    }
  }

  /** The distinct row numbers of a committed run's table "classes", read back by DuckDB. */
  private long distinctRunSeqs(DerivationRun run) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createRunView(duckdb, "classes", run.id(), "classes", Rows.LAYOUT);
      try (ResultSet row = statement.executeQuery("SELECT COUNT(DISTINCT seq) FROM classes")) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Test
  void registeringASourceTwiceGivesTheSameSource() {
    Source again = gtmCrossings(catalog);
    assertThat(again).isEqualTo(source);
    assertThat(catalog.sources().get(source.id())).isEqualTo(source);
    assertThat(catalog.sources().list()).hasSize(1);
  }

  @Test
  void aSecondWriterOfTheSameHomeIsRefused() {
    assertThatThrownBy(() -> Lake.open(home, catalog))
        .hasMessageContaining("another process is writing to the node home");
  }

  private Submission afterLatch(CountDownLatch start, Source from, String name, int rows)
      throws InterruptedException {
    start.await();
    return ingest(from, name, name, rows, 1);
  }

  /** Receives {@code content}, writes {@code rows} seeded rows over {@code months}, commits. */
  Submission ingest(Source from, String fileName, String content, int rows, int months) {
    Receipt receipt = lake.receive(from, fileName, sha(content));
    assertThat(receipt).isInstanceOf(Receipt.Accepted.class);
    try (SubmissionWriter writer = lake.writer((Receipt.Accepted) receipt, from, Rows.LAYOUT)) {
      SplittableRandom random = new SplittableRandom(fileName.hashCode());
      for (long seq = 0; seq < rows; seq++) {
        writer.append(Rows.row(seq, months, random));
      }
      return writer.commit(RowCounts.allAccepted(rows));
    }
  }

  SubmissionWriter accepted(String fileName, String content) {
    Receipt receipt = lake.receive(source, fileName, sha(content));
    assertThat(receipt).isInstanceOf(Receipt.Accepted.class);
    return lake.writer((Receipt.Accepted) receipt, source, Rows.LAYOUT);
  }

  static String sha(String content) {
    return ContentHash.sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  long count(String view) throws SQLException {
    return queryLong("SELECT COUNT(*) FROM " + view);
  }

  /**
   * Runs {@code sql} in a fresh DuckDB with the view {@code crossings} over all committed files.
   */
  long queryLong(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createView(duckdb, "crossings", LakeQuery.of(EventKind.BORDER_CROSSING), Rows.LAYOUT);
      try (ResultSet row = statement.executeQuery(sql)) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  List<Path> stagingEntries() {
    try (Stream<Path> entries = Files.list(home.staging())) {
      return entries.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Path> parquetFilesOnDisk() {
    try (Stream<Path> files = Files.walk(home.lake())) {
      return files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Connection catalogConnection() throws SQLException {
    Connection connection =
        DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    if (config.schema().isPresent()) {
      connection.setSchema(config.schema().get());
    }
    return connection;
  }

  private void openAgain() {
    catalog = Catalog.open(config, Clock.fixed(NOW, ZoneOffset.UTC));
    lake = Lake.open(home, catalog, ROWS_PER_FILE);
    reader = new LakeReader(home, catalog);
    source = gtmCrossings(catalog);
  }

  private void closeAll() {
    if (lake != null) {
      lake.close();
      lake = null;
    }
    if (catalog != null) {
      catalog.close();
      catalog = null;
    }
  }
}
