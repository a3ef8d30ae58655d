package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.node.leak.LeakDetector;
import org.puente.privacy.IdentifierNormaliser;
import org.puente.privacy.LeakMatcher;

/** run, linkage model, linkage evaluate and export crossings through the real command line. */
class RunCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("../examples/specs/cri-crossings.yaml");

  @TempDir Path dir;

  @Test
  void anAnalystLinksClassifiesEvaluatesAndExports() throws IOException {
    Path region = dir.resolve("region");
    Path export = simulatedCostaRica(region);
    String home = dir.resolve("cri").toString();
    assertThat(run("init", "--home", home).exitCode()).isZero();

    CliRun early = run("run", "--home", home);
    assertThat(early.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(early.err()).contains("the lake has no committed records yet");
    CliRun noModel = run("linkage", "model", "--home", home);
    assertThat(noModel.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(noModel.err()).contains("no derivation run yet");

    CliRun ingest =
        run("ingest", "--home", home, "--spec", SPEC.toString(), export.toString(), "--json");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    long accepted = JSON.readTree(ingest.out()).get(0).get("accepted").asLong();
    assertThat(accepted).isGreaterThan(1_000);

    CliRun derive = run("run", "--home", home, "--as-of", "2024-12-31", "--json");
    assertThat(derive.exitCode()).as(derive.err()).isZero();
    JsonNode result = JSON.readTree(derive.out());
    assertThat(result.get("mode").asText()).isEqualTo("FULL");
    JsonNode summary = result.get("summary");
    assertThat(summary.get("records").asLong()).isEqualTo(accepted);
    long classified = 0;
    for (String cls :
        List.of(
            "migrant_arrival",
            "non_migrant_arrival",
            "migrant_departure",
            "non_migrant_departure",
            "provisional")) {
      classified += summary.path("class_" + cls).asLong();
    }
    assertThat(classified).as("every crossing gets one class").isEqualTo(accepted);
    assertThat(summary.get("travellers").asLong()).isBetween(accepted / 10, accepted - 1);
    JsonNode linkage = summary.get("linkage").get("CRI");
    assertThat(linkage.get("records").asLong()).isEqualTo(accepted);
    assertThat(linkage.get("clusters").asLong()).isEqualTo(summary.get("travellers").asLong());
    assertThat(linkage.get("candidate_pairs").asLong())
        .isGreaterThanOrEqualTo(linkage.get("links").asLong())
        .isPositive();

    CliRun model = run("linkage", "model", "--home", home);
    assertThat(model.exitCode()).as(model.err()).isZero();
    assertThat(model.out()).contains("CRI (run 1, as of 2024-12-31)", "document", "birth_date");
    assertThat(JSON.readTree(run("linkage", "model", "--home", home, "--json").out()).has("CRI"))
        .isTrue();

    CliRun evaluate =
        run(
            "linkage",
            "evaluate",
            "--home",
            home,
            "--truth",
            region.resolve("truth").resolve("records.csv").toString(),
            "--json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode quality = JSON.readTree(evaluate.out());
    assertThat(quality.get("records").asLong()).isEqualTo(accepted);
    assertThat(quality.get("unlabelled").asLong()).isZero();
    assertThat(quality.get("precision").asDouble()).isGreaterThan(0.99);
    assertThat(quality.get("recall").asDouble()).isGreaterThan(0.99);

    Path crossings = dir.resolve("crossings.csv");
    CliRun exported = run("export", "crossings", "--home", home, "--out", crossings.toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    List<CSVRecord> rows;
    try (Reader reader = Files.newBufferedReader(crossings, StandardCharsets.UTF_8)) {
      rows =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
    }
    assertThat(rows).hasSize((int) accepted);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("file")).isEqualTo("dgme_cr_movimientos.csv");
              assertThat(row.get("traveller_id")).isNotEmpty();
              assertThat(row.get("class")).isNotEmpty();
              assertThat(row.get("predicted_class").isEmpty())
                  .isEqualTo(!row.get("class").equals("PROVISIONAL"));
            });

    // Nothing new: the next run keeps everything and revises nothing.
    JsonNode again =
        JSON.readTree(run("run", "--home", home, "--as-of", "2024-12-31", "--json").out());
    assertThat(again.get("mode").asText()).isEqualTo("INCREMENTAL");
    long compared = 0;
    for (JsonNode month : again.get("revisions")) {
      assertThat(month.get("revised").asLong()).isZero();
      compared += month.get("compared").asLong();
    }
    assertThat(compared).isPositive();
    // Said in one line, not as a heading over no months.
    CliRun textAgain = run("run", "--home", home, "--as-of", "2024-12-31");
    assertThat(textAgain.exitCode()).as(textAgain.err()).isZero();
    assertThat(textAgain.out())
        .contains(
            String.format(
                "revisions since the previous run: none (%,d crossings compared, every class the"
                    + " same)",
                compared))
        .doesNotContain("(month, direction: compared");

    CliRun badLimit = run("run", "--home", home, "--rolling-limit", "90");
    assertThat(badLimit.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badLimit.err()).contains("--rolling-limit is DAYS/WINDOW, e.g. 90/180, not '90'");
    CliRun ownLimit = run("run", "--home", home, "--rolling-limit", "30/60");
    assertThat(ownLimit.exitCode()).as(ownLimit.err()).isZero();
    assertThat(ownLimit.out()).contains("travellers over the 30/60 rolling limit:");

    Path unlabelled = dir.resolve("unlabelled.csv");
    Files.writeString(unlabelled, "id,person\n1,a\n");
    CliRun badTruth = run("linkage", "evaluate", "--home", home, "--truth", unlabelled.toString());
    assertThat(badTruth.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(badTruth.err())
        .contains(unlabelled + " line 1: needs the columns record_id and traveller_id");

    LeakDetector detector = LeakDetector.of(identifiersOf(export));
    detector.scan(crossings, dir.resolve("cri").resolve("lake")).assertClean();
    for (CliRun output : List.of(derive, model, evaluate, exported)) {
      detector.scanText("command output", output.out() + output.err()).assertClean();
    }
  }

  @Test
  void recordsWithNothingToLinkAreEachTheirOwnTravellerAndTheModelSaysWhy() {
    String home = dir.resolve("gtm").toString();
    assertThat(run("init", "--home", home).exitCode()).isZero();
    CliRun ingest =
        run(
            "ingest",
            "--home",
            home,
            "--spec",
            "../examples/specs/example-crossings.yaml",
            "../examples/exports/example-crossings.csv");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    CliRun derive = run("run", "--home", home);
    assertThat(derive.exitCode()).as(derive.err()).isZero();
    assertThat(derive.out()).contains("195 records linked into 195 travellers");
    // Its linkage report: every record decided, no pair compared, no block to speak of; then the
    // seconds it took.
    assertThat(derive.out()).containsPattern("\\n {4}GTM +195 +0 +0\\.0 +0 +0 +[0-9]+\\.[0-9]\\n");
    CliRun model = run("linkage", "model", "--home", home);
    assertThat(model.exitCode()).as(model.err()).isZero();
    assertThat(model.out()).contains("has no linkage model: no two records share a blocking key");
  }

  @Test
  void aBlockWindowBoundsEachRecordsComparisonsAndNeedsRetraining() throws IOException {
    String home = dir.resolve("cri").toString();
    assertThat(run("init", "--home", home).exitCode()).isZero();
    String export = simulatedCostaRica(dir.resolve("region")).toString();
    CliRun ingest = run("ingest", "--home", home, "--spec", SPEC.toString(), export);
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();

    CliRun kept = run("run", "--home", home, "--block-window", "2");
    assertThat(kept.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(kept.err()).contains("--block-window needs --retrain");
    CliRun zero = run("run", "--home", home, "--retrain", "--block-window", "0");
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err()).contains("--block-window must be at least 1, not 0");

    JsonNode wide = linkageOf(run("run", "--home", home, "--retrain", "--json"));
    CliRun narrowRun = run("run", "--home", home, "--retrain", "--block-window", "1", "--json");
    JsonNode narrow = linkageOf(narrowRun);
    long records = narrow.get("records").asLong();
    assertThat(records).isEqualTo(wide.get("records").asLong()).isGreaterThan(1_000);
    // A record meets at most one earlier member of each of its blocks (at most six keys).
    assertThat(narrow.get("candidate_pairs").asLong())
        .isLessThanOrEqualTo(6 * records)
        .isLessThan(wide.get("candidate_pairs").asLong());
    assertThat(narrow.get("truncated_records").asLong()).isPositive();
    assertThat(wide.get("truncated_records").asLong()).isZero();
    JsonNode model = JSON.readTree(run("linkage", "model", "--home", home, "--json").out());
    assertThat(model.toString()).contains("\"maxBlockComparisons\":1");
  }

  /** Simulates Costa Rica's crossings into {@code region}; returns the export. */
  private static Path simulatedCostaRica(Path region) {
    CliRun simulate =
        run(
            "simulate",
            "--out",
            region.toString(),
            "--countries",
            "CRI",
            "--scale",
            "0.0002",
            "--seed",
            "3",
            "--quiet");
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    return region.resolve("CRI").resolve("dgme_cr_movimientos.csv");
  }

  /** Costa Rica's linkage report in a run's JSON. */
  private static JsonNode linkageOf(CliRun run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out()).get("summary").get("linkage").get("CRI");
  }

  @Test
  void theLinkageTableSaysWhenRecordsMetATruncatedBlock() {
    Map<String, Object> summary = new LinkedHashMap<>();
    Map<String, Object> linkage = new LinkedHashMap<>();
    linkage.put(
        "MEX",
        Map.of(
            "records", 5_000L,
            "candidate_pairs", 27_000L,
            "largest_block", 1_500L,
            "truncated_records", 499L));
    linkage.put(
        "CRI",
        Map.of(
            "records", 100L,
            "candidate_pairs", 150L,
            "largest_block", 4L,
            "truncated_records", 0L));
    summary.put("linkage", linkage);
    summary.put("seconds_by_country", Map.of("MEX", Map.of("link", 12.34)));

    StringWriter text = new StringWriter();
    RunCommand.printLinkage(new PrintWriter(text), summary);

    assertThat(text.toString())
        .containsPattern("\\n {4}MEX +5,000 +27,000 +5\\.4 +1,500 +499 +12\\.3\\n")
        .containsPattern("\\n {4}CRI +100 +150 +1\\.5 +4 +0\\n")
        .contains("  499 records met a block larger than the linker's window");
    linkage.remove("MEX");
    StringWriter small = new StringWriter();
    RunCommand.printLinkage(new PrintWriter(small), summary);
    assertThat(small.toString()).contains("CRI").doesNotContain("window");
  }

  /** The names (six letters or more, port names aside), documents and birth dates of the export. */
  private static LeakMatcher identifiersOf(Path export) throws IOException {
    List<CSVRecord> rows;
    try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      rows =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(';')
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
    }
    // Ports are named after people ("Aeropuerto Internacional Daniel Oduber Quirós").
    Set<String> portWords = new HashSet<>();
    rows.forEach(
        row -> portWords.addAll(IdentifierNormaliser.nameWords(row.get("puesto_migratorio"))));
    LeakMatcher.Builder identifiers = LeakMatcher.builder().minNameLength(6);
    DateTimeFormatter ddMMyyyy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    for (CSVRecord row : rows) {
      for (String column : List.of("nombre", "primer_apellido", "segundo_apellido")) {
        IdentifierNormaliser.nameWords(row.get(column)).stream()
            .filter(word -> !portWords.contains(word))
            .forEach(identifiers::name);
      }
      if (!row.get("documento").isBlank()) {
        identifiers.documentNumber(row.get("documento"));
      }
      // A baby's birth date falls among the event dates (2023-2024) the export rightly holds.
      if (!row.get("fecha_nacimiento").isBlank()) {
        LocalDate birth = LocalDate.parse(row.get("fecha_nacimiento"), ddMMyyyy);
        if (birth.isBefore(LocalDate.of(2023, 1, 1))) {
          identifiers.birthDate(birth);
        }
      }
    }
    return identifiers.build();
  }
}
