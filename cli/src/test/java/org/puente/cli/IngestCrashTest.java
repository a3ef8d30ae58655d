package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5: "a crash at any point (tests kill the process mid-ingest) leaves the lake and catalog
 * consistent, and re-running the same command completes the load exactly once". The real {@code
 * puente ingest} runs in a child JVM and is killed ({@code destroyForcibly}, SIGKILL) at several
 * points; the same command is then run again in this JVM and the node is checked through the
 * commands a data steward would use.
 */
class IngestCrashTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("../examples/specs/example-crossings.yaml");
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final AtomicInteger NEXT_SCHEMA = new AtomicInteger();

  /** Rows of the export: enough that the child is still ingesting when it is killed. */
  private static final int ROWS = 20_000;

  /** Every 10th row has an impossible date (rejected), so rejects are flushed early. */
  private static final int REJECT_EVERY = 10;

  /** Every 70th row repeats its predecessor's record reference (a duplicate). */
  private static final int REPEAT_EVERY = 70;

  @TempDir Path dir;

  private String schema;

  /** Where the child is killed. Each is observed from outside, on the node home's directories. */
  enum KillPoint {
    /** After 0-1,200 ms: JVM start, catalog migration, hashing, or the first rows. */
    RANDOM_DELAY,
    /** As soon as {@code staging/submission-<id>/} exists: the submission is RECEIVED. */
    STAGING_APPEARS,
    /**
     * When the staging tree holds a Parquet file, which the writer creates at a partition's first
     * row: rows are being written to the lake.
     */
    ROWS_STAGED,
    /** When the reject store holds a file: rejects of the interrupted submission are on disk. */
    REJECTS_WRITTEN
  }

  static Stream<Arguments> crashes() {
    List<Arguments> all = new ArrayList<>();
    for (KillPoint point : KillPoint.values()) {
      all.add(Arguments.of("embedded", point));
    }
    all.add(Arguments.of("postgres", KillPoint.REJECTS_WRITTEN));
    return all.stream();
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      postgres("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @ParameterizedTest(name = "{0} catalog, killed at {1}")
  @MethodSource("crashes")
  void aKilledIngestLeavesTheNodeConsistentAndTheRerunLoadsExactlyOnce(
      String catalog, KillPoint point) throws Exception {
    Path home = dir.resolve("home");
    Path export = export(dir.resolve("gtm-2024-03.csv"));
    List<String> catalogOption = List.of();
    if (catalog.equals("postgres")) {
      schema = "cli_crash_" + ProcessHandle.current().pid() + "_" + NEXT_SCHEMA.incrementAndGet();
      postgres("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      postgres("CREATE SCHEMA " + schema);
      catalogOption = List.of("--catalog", POSTGRES + "?user=postgres&currentSchema=" + schema);
    }
    assertThat(run("init", "--home", home.toString()).exitCode()).isZero();
    List<String> ingest = new ArrayList<>(List.of("ingest", "--home", home.toString()));
    ingest.addAll(catalogOption);
    ingest.addAll(List.of("--spec", SPEC.toString(), export.toString(), "--json"));

    long seed = System.nanoTime();
    String killed = killMidIngest(ingest, home, point, new SplittableRandom(seed));

    // The same command again, in this JVM: it recovers the home and loads the file.
    CliRun rerun = run(ingest.toArray(String[]::new));
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    JsonNode loaded = JSON.readTree(rerun.out()).get(0);
    long read = loaded.get("read").asLong();
    long accepted = loaded.get("accepted").asLong();
    long rejected = loaded.get("rejected").asLong();
    long duplicates = loaded.get("duplicates").asLong();
    assertThat(loaded.get("duplicateOf").isNull()).isTrue();
    assertThat(read).isEqualTo(ROWS).isEqualTo(accepted + rejected + duplicates);
    // independent of the code under test: from how the export was generated
    assertThat(rejected).isEqualTo(expectedRejected());
    assertThat(duplicates).isEqualTo(expectedDuplicates());
    long committedId = loaded.get("submission").asLong();

    // The catalog: exactly one COMMITTED load of the file, at most one interrupted attempt.
    JsonNode submissions = submissions(home, catalogOption);
    List<JsonNode> committed = withStatus(submissions, "COMMITTED");
    List<JsonNode> failed = withStatus(submissions, "FAILED");
    assertThat(committed).as(killed).hasSize(1);
    assertThat(committed.get(0).get("id").asLong()).isEqualTo(committedId);
    assertThat(committed.get(0).get("accepted").asLong()).isEqualTo(accepted);
    assertThat(submissions).as(killed).hasSize(committed.size() + failed.size());
    if (point == KillPoint.RANDOM_DELAY) {
      // killed before or after the file was received: at most one interrupted submission
      assertThat(failed).as(killed).hasSizeLessThanOrEqualTo(1);
    } else {
      assertThat(failed).as(killed).hasSize(1);
    }
    for (JsonNode interrupted : failed) {
      assertThat(interrupted.get("id").asLong()).isLessThan(committedId);
      assertThat(interrupted.get("file").asText()).isEqualTo(export.getFileName().toString());
      assertThat(interrupted.get("failure").asText()).contains("interrupted");
      assertThat(interrupted.has("accepted")).as("a failed submission has no counts").isFalse();
    }

    // The lake: exactly the accepted records, each once, and no file that no manifest lists.
    Path records = dir.resolve("records.csv");
    List<String> exportCommand =
        new ArrayList<>(List.of("export", "records", "--home", home.toString()));
    exportCommand.addAll(catalogOption);
    exportCommand.addAll(
        List.of("--kind", "BORDER_CROSSING", "--out", records.toString(), "--json"));
    CliRun exported = run(exportCommand.toArray(String[]::new));
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    JsonNode exportSummary = JSON.readTree(exported.out());
    assertThat(exportSummary.get("rows").asLong()).isEqualTo(accepted);
    assertThat(distinctRecordIds(records)).isEqualTo(accepted);
    assertThat(filesUnder(home.resolve("lake")))
        .as("every Parquet file on disk is listed by the one manifest")
        .hasSize(exportSummary.get("files").asInt());
    assertThat(filesUnder(home.resolve("staging"))).isEmpty();

    // The rejects of the committed load are all there, once.
    List<String> rejectsCommand =
        new ArrayList<>(List.of("rejects", "--home", home.toString(), "--limit", "1000000"));
    rejectsCommand.addAll(catalogOption);
    rejectsCommand.add("--json");
    List<String> oneSubmission = new ArrayList<>(rejectsCommand);
    oneSubmission.addAll(List.of("--submission", Long.toString(committedId)));
    CliRun rejects = run(oneSubmission.toArray(String[]::new));
    assertThat(rejects.exitCode()).as(rejects.err()).isZero();
    assertThat(JSON.readTree(rejects.out())).hasSize((int) rejected);
    // Listing all rejects shows the committed load's only, never those the killed run had written.
    CliRun allRejects = run(rejectsCommand.toArray(String[]::new));
    assertThat(allRejects.exitCode()).as(allRejects.err()).isZero();
    assertThat(JSON.readTree(allRejects.out())).hasSize((int) rejected);

    // A third run recognises the file and changes nothing.
    CliRun third = run(ingest.toArray(String[]::new));
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(JSON.readTree(third.out()).get(0).get("duplicateOf").asLong())
        .isEqualTo(committedId);
    JsonNode after = submissions(home, catalogOption);
    assertThat(withStatus(after, "COMMITTED")).hasSize(1);
    assertThat(withStatus(after, "DUPLICATE")).hasSize(1);
    assertThat(filesUnder(home.resolve("lake"))).hasSize(exportSummary.get("files").asInt());
  }

  /**
   * Starts {@code puente ingest} in a child JVM and kills it at {@code point}.
   *
   * @return a description of the kill, for assertion messages
   */
  private String killMidIngest(
      List<String> ingest, Path home, KillPoint point, SplittableRandom random)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(ingest);
    Path output = dir.resolve("child-output.txt");
    long started = System.nanoTime();
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      long delayMillis = random.nextLong(1_200);
      long deadline = started + TimeUnit.SECONDS.toNanos(60);
      while (!reached(point, home, started, delayMillis)) {
        if (!child.isAlive()) {
          fail(
              "the ingest ended (exit %d) before it could be killed at %s: %s",
              child.exitValue(), point, Files.readString(output));
        }
        if (System.nanoTime() > deadline) {
          fail("%s not reached in 60 s: %s", point, Files.readString(output));
        }
        Thread.sleep(2);
      }
      if (point == KillPoint.ROWS_STAGED) {
        Thread.sleep(random.nextLong(100)); // somewhere further into the writing
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    long afterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    String description =
        String.format(
            "killed at %s after %d ms (staging %s, rejects %s); child said: %s",
            point,
            afterMillis,
            filesUnder(home.resolve("staging")),
            filesUnder(home.resolve("rejects")),
            Files.readString(output));
    assertThat(child.exitValue())
        .as("the child was killed, not finished: " + description)
        .isNotZero();
    return description;
  }

  private static boolean reached(KillPoint point, Path home, long started, long delayMillis)
      throws IOException {
    return switch (point) {
      case RANDOM_DELAY ->
          System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(delayMillis);
      case STAGING_APPEARS -> !entries(home.resolve("staging")).isEmpty();
      case ROWS_STAGED ->
          filesUnder(home.resolve("staging")).stream()
              .anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
      case REJECTS_WRITTEN -> !filesUnder(home.resolve("rejects")).isEmpty();
    };
  }

  private static List<Path> entries(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    }
  }

  private static List<Path> filesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (UncheckedIOException | IOException e) {
      return List.of(); // a file vanished while walking (the child is writing): not yet
    }
  }

  /** Distinct record references in the exported CSV, counted by DuckDB. */
  private static long distinctRecordIds(Path csv) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT count(DISTINCT record_id), count(*) FROM read_csv('"
                    + csv.toAbsolutePath().toString().replace("'", "''")
                    + "', header = true)")) {
      result.next();
      assertThat(result.getLong(1)).as("no record twice in the lake").isEqualTo(result.getLong(2));
      return result.getLong(1);
    }
  }

  private JsonNode submissions(Path home, List<String> catalogOption) throws IOException {
    List<String> command = new ArrayList<>(List.of("submissions", "--home", home.toString()));
    command.addAll(catalogOption);
    command.add("--json");
    CliRun result = run(command.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }

  private static List<JsonNode> withStatus(JsonNode submissions, String status) {
    List<JsonNode> matching = new ArrayList<>();
    submissions.forEach(
        submission -> {
          if (submission.get("status").asText().equals(status)) {
            matching.add(submission);
          }
        });
    return matching;
  }

  /**
   * {@link #ROWS} rows of the example layout (Latin-1, title line, header, totals row), rows
   * numbered from 1: every {@link #REJECT_EVERY}th has 31/02, every {@link #REPEAT_EVERY}th repeats
   * its predecessor's reference.
   */
  private static Path export(Path file) throws IOException {
    String[] surnames = {"Quiñónez", "Castellanos", "Barrientos", "Zelaya", "Archila"};
    String[] given = {"Yesenia Maribel", "Odilia", "Wilmer Josué", "Heriberto", "Maricruz"};
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      out.write("REGISTRO DE MOVIMIENTOS MIGRATORIOS\r\n");
      out.write(
          "NUM_REGISTRO;FECHA_MOVIMIENTO;TIPO_MOVIMIENTO;PUESTO_FRONTERIZO;VIA;NOMBRES;"
              + "PRIMER_APELLIDO;SEGUNDO_APELLIDO;NUM_DOCUMENTO;TIPO_DOCUMENTO;FECHA_NACIMIENTO;"
              + "SEXO;NACIONALIDAD;DIAS_AUTORIZADOS\r\n");
      for (int i = 1; i <= ROWS; i++) {
        String id = i % REPEAT_EVERY == 0 ? "R" + (i - 1) : "R" + i;
        String date =
            i % REJECT_EVERY == 0
                ? "31/02/2024"
                : String.format("%02d/%02d/2024", 1 + i % 28, 3 + i % 2);
        out.write(
            String.join(
                    ";",
                    id,
                    date,
                    i % 3 == 0 ? "SALIDA" : "ENTRADA",
                    "GT-TECUN",
                    "TERRESTRE",
                    given[i % 5],
                    surnames[i % 5],
                    surnames[(i / 5) % 5],
                    "P" + (7_300_000 + i * 7),
                    "PASAPORTE",
                    String.format("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 1950 + i % 50),
                    i % 2 == 0 ? "H" : "M",
                    "Honduras",
                    "30")
                + "\r\n");
      }
      out.write("TOTAL;" + ROWS + ";;;;;;;;;;;;\r\n");
    }
    return file;
  }

  private static long expectedRejected() {
    return ROWS / REJECT_EVERY;
  }

  /**
   * A repeat is a duplicate unless it is itself rejected (a multiple of both) or its predecessor
   * was (never: a multiple of 70 is even, so its predecessor is odd and not a multiple of 10).
   */
  private static long expectedDuplicates() {
    long both = ROWS / lcm(REJECT_EVERY, REPEAT_EVERY);
    return ROWS / REPEAT_EVERY - both;
  }

  private static int lcm(int a, int b) {
    int x = a;
    int y = b;
    while (y != 0) {
      int t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
  }

  private static void postgres(String sql) {
    try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL is required at " + POSTGRES + ": " + e.getMessage(), e);
    }
  }
}
