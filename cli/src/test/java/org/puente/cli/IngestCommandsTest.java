package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.node.leak.LeakDetector;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.NodeKey;

/** init, ingest, submissions, rejects and export records through the real command line. */
class IngestCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("../examples/specs/example-crossings.yaml");
  private static final Path EXPORT = Path.of("../examples/exports/example-crossings.csv");

  @TempDir Path dir;

  @Test
  void aDataStewardsDayFromInitToExport() throws IOException {
    String home = dir.resolve("gtm").toString();
    // A fixed network key makes the lake's bytes the same on every run, so the leak scan at the
    // end is deterministic: it reads raw Parquet, where a random token can spell a short name
    // between two separators by chance (docs/PRIVACY.md, leak detector limits).
    assertThat(
            run("init", "--home", home, "--network-key", fixedNetworkKey().toString()).exitCode())
        .isZero();

    CliRun ingest =
        run("ingest", "--home", home, "--spec", SPEC.toString(), EXPORT.toString(), "--json");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    JsonNode first = JSON.readTree(ingest.out()).get(0);
    assertThat(first.get("read").asLong()).isEqualTo(200);
    assertThat(first.get("accepted").asLong()).isEqualTo(195);
    assertThat(first.get("rejected").asLong()).isEqualTo(4);
    assertThat(first.get("duplicates").asLong()).isEqualTo(1);

    JsonNode again =
        JSON.readTree(
                run(
                        "ingest",
                        "--home",
                        home,
                        "--spec",
                        SPEC.toString(),
                        EXPORT.toString(),
                        "--json")
                    .out())
            .get(0);
    assertThat(again.get("duplicateOf").asLong()).isEqualTo(first.get("submission").asLong());

    JsonNode submissions = JSON.readTree(run("submissions", "--home", home, "--json").out());
    assertThat(submissions)
        .extracting(s -> s.get("status").asText())
        .containsExactly("COMMITTED", "DUPLICATE");

    JsonNode rejects = JSON.readTree(run("rejects", "--home", home, "--json").out());
    assertThat(rejects).hasSize(4);
    assertThat(rejects.get(0).has("fields")).as("fields stay encrypted without --reveal").isFalse();
    assertThat(rejects.get(0).get("line").asLong()).isEqualTo(39);
    assertThat(JSON.readTree(run("audit", "--home", home, "--json").out()))
        .as("listing encrypted rejects reveals nothing, so nothing is audited")
        .isEmpty();
    JsonNode revealed =
        JSON.readTree(run("rejects", "--home", home, "--reveal", "--limit", "2", "--json").out());
    assertThat(revealed.get(0).get("fields").get("FECHA_MOVIMIENTO").asText())
        .isEqualTo("31/02/2024");
    JsonNode audit = JSON.readTree(run("audit", "--home", home, "--json").out());
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0).get("action").asText()).isEqualTo("REJECT_REVEALED");
    assertThat(audit.get(0).get("target").asText())
        .isEqualTo(revealed.get(0).get("submission").asText() + " line 39");
    assertThat(audit.get(0).get("actor").asText()).isEqualTo(System.getProperty("user.name"));
    assertThat(audit.get(0).get("outcome").asText()).isEqualTo("ok");
    assertThat(audit.get(1).get("target").asText())
        .isEqualTo(
            revealed.get(1).get("submission").asText()
                + " line "
                + revealed.get(1).get("line").asText());

    JsonNode quality = JSON.readTree(run("quality", "--home", home, "--json").out()).get(0);
    assertThat(quality.get("records").asLong()).isEqualTo(195);
    assertThat(quality.get("disaggregationCoverage").get("sex").asDouble()).isEqualTo(1.0);
    assertThat(quality.get("disaggregationCoverage").get("migrationStatus").asDouble())
        .as("the layout has no migration status: this country cannot disaggregate by it")
        .isEqualTo(0.0);
    assertThat(quality.get("variables").get("purpose").get("completeness").asDouble())
        .isEqualTo(0.0);
    assertThat(quality.get("rejectedByVariable").get("event_date").asLong()).isEqualTo(1);
    assertThat(quality.get("rejectedByVariable").get("document_number").asLong()).isEqualTo(1);
    assertThat(run("quality", "--home", home, "--country", "PAN").exitCode()).isEqualTo(1);

    Path csv = dir.resolve("records.csv");
    CliRun export =
        run(
            "export",
            "records",
            "--home",
            home,
            "--kind",
            "BORDER_CROSSING",
            "--out",
            csv.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    List<CSVRecord> rows;
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
    }
    assertThat(rows).hasSize(195);
    assertThat(rows.get(0).isMapped("tok_document")).isTrue();
    assertThat(rows.get(0).isMapped("surnames")).isFalse();

    // nothing the export held in clear reaches the lake, the catalog or the exported records
    LeakDetector detector = leakDetectorForExample();
    detector
        .scan(dir.resolve("gtm").resolve("lake"), dir.resolve("gtm").resolve("catalog"), csv)
        .assertClean();
    // nor the commands' own output, human or JSON, short of an audited --reveal
    List<CliRun> outputs =
        List.of(
            ingest,
            run("ingest", "--home", home, "--spec", SPEC.toString(), EXPORT.toString()),
            run("rejects", "--home", home),
            run("rejects", "--home", home, "--json"),
            run("submissions", "--home", home),
            run("quality", "--home", home));
    for (CliRun output : outputs) {
      assertThat(output.exitCode()).as(output.err()).isZero();
      detector.scanText("command output", output.out() + output.err()).assertClean();
    }
  }

  private Path fixedNetworkKey() throws IOException {
    byte[] material = new byte[32];
    for (int i = 0; i < material.length; i++) {
      material[i] = (byte) (i * 7 + 3);
    }
    NodeKey key =
        NodeKey.of(KeyPurpose.NETWORK_LINKAGE, Instant.parse("2026-01-01T00:00:00Z"), material);
    Path file = dir.resolve("network.key");
    Files.writeString(
        file,
        "{\"format\":\"puente-network-key/1\",\"id\":\""
            + key.id()
            + "\",\"purpose\":\"NETWORK_LINKAGE\",\"created\":\"2026-01-01T00:00:00Z\","
            + "\"material\":\""
            + Base64.getEncoder().encodeToString(material)
            + "\"}");
    return file;
  }

  /** The names, document numbers and birth dates of the shipped example export. */
  private static LeakDetector leakDetectorForExample() throws IOException {
    List<String> names = new ArrayList<>();
    List<String> documents = new ArrayList<>();
    List<LocalDate> births = new ArrayList<>();
    DateTimeFormatter ddMMyyyy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    List<String> lines = Files.readAllLines(EXPORT, StandardCharsets.ISO_8859_1);
    for (String line : lines.subList(2, lines.size() - 1)) {
      String[] fields = line.split(";", -1);
      names.add(fields[6]);
      documents.add(fields[8]);
      births.add(LocalDate.parse(fields[10], ddMMyyyy));
    }
    documents.removeIf(String::isEmpty);
    return LeakDetector.forIdentifiers(names, documents, births);
  }
}
