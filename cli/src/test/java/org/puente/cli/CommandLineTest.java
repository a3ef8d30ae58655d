package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Runs the real command line in-process and checks what a user sees and the exit codes. */
class CommandLineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCommandHasHelp() {
    List<String> names = new ArrayList<>();
    for (CommandLine sub : PuenteCommand.commandLine().getSubcommands().values()) {
      names.add(sub.getCommandName());
    }
    assertThat(names).contains("version", "schema", "codelists", "init", "keys");
    for (String name : names) {
      CliRun result = run(name, "--help");
      assertThat(result.exitCode()).as(name).isZero();
      assertThat(result.out()).as(name).contains("Usage: puente " + name);
    }
  }

  @Test
  void versionPrintsTheRelease() throws Exception {
    CliRun text = run("version");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).startsWith("puente ").contains("Java");
    JsonNode json = JSON.readTree(run("version", "--json").out());
    assertThat(json.get("version").asText()).isNotBlank().isNotEqualTo("unknown");
  }

  @Test
  void schemaListsEveryVariableWithTypeCodeListAndIdentifierFlag() throws Exception {
    CliRun text = run("schema");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .containsPattern("(?m)^birth_date\\s+DATE\\s+-\\s+yes")
        .containsPattern("(?m)^citizenship\\s+CODE\\s+country\\s+no")
        .containsPattern("(?m)^occupation\\s+CODE\\s+isco08\\s+no");

    JsonNode rows = JSON.readTree(run("schema", "--json").out());
    assertThat(rows.size())
        .isEqualTo(org.puente.schema.RegionalSchema.standard().variables().size());
    List<String> identifiers = new ArrayList<>();
    for (JsonNode row : rows) {
      if (row.get("personalIdentifier").asBoolean()) {
        identifiers.add(row.get("name").asText());
      }
    }
    assertThat(identifiers)
        .containsExactlyInAnyOrder(
            "given_names", "surnames", "full_name", "document_number", "birth_date");
  }

  @Test
  void schemaForOneKindShowsOnlyItsVariables() {
    CliRun result = run("schema", "--kind", "RETURN_OF_NATIONAL");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("returned_from").doesNotContain("occupation");
  }

  @Test
  void codelistsSearchFindsTheUnitedStatesInSpanish() throws Exception {
    CliRun result = run("codelists", "country", "--search", "estados unidos");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).containsPattern("(?m)^USA\\s+United States of America");

    JsonNode rows = JSON.readTree(run("codelists", "country", "--search", "mexi", "--json").out());
    assertThat(rows.findValuesAsText("code")).contains("MEX");
  }

  @Test
  void countriesInCentralAmericaAreTheEight() throws Exception {
    JsonNode rows =
        JSON.readTree(run("codelists", "country", "--in", "Central America", "--json").out());
    assertThat(rows.findValuesAsText("code"))
        .containsExactlyInAnyOrder("BLZ", "CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN");
    JsonNode byCode = JSON.readTree(run("codelists", "country", "--in", "29", "--json").out());
    assertThat(byCode.size()).isEqualTo(28);
  }

  @Test
  void m49SearchShowsMemberCounts() {
    CliRun result = run("codelists", "m49", "--search", "central america");
    assertThat(result.out()).containsPattern("013\\s+Central America.*\\[8 countries\\]");
  }

  @Test
  void normaliseExplainsWhatItMadeOfARawValue() throws Exception {
    assertThat(run("codelists", "country", "--normalise", "EE.UU.").out()).contains("-> USA");
    JsonNode unknown =
        JSON.readTree(run("codelists", "country", "--normalise", "Narnia", "--json").out());
    assertThat(unknown.get("alpha3").isNull()).isTrue();
    assertThat(unknown.get("reason").asText()).isNotBlank();
  }

  @Test
  void listingShowsEveryListWithItsSize() {
    CliRun result = run("codelists");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .containsPattern("(?m)^country\\s+249\\s")
        .containsPattern("(?m)^port\\s+open");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "codelists nosuchlist",
        "codelists --search x",
        "codelists sex --in 013",
        "codelists country --in Atlantis",
        "schema --kind SPACESHIP",
        "version --bogus",
        "frobnicate",
        "ingest --spec nosuch.yaml",
        "ingest x",
        "simulate",
        "simulate --out /tmp/x --scale -1",
        "simulate --out /tmp/x --from 2024-13",
        "simulate --out /tmp/x --from 2024-06 --to 2024-01",
        "simulate --out /tmp/x --countries MEX,XYZ"
      })
  void misuseIsOneClearLineAndExitTwo(String commandLine) {
    CliRun result = run(commandLine.split(" "));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith("puente: ")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void simulateWritesARegionAndSummarisesItInJson(@TempDir Path out) throws Exception {
    CliRun result =
        run(
            "simulate",
            "--out",
            out.toString(),
            "--scale",
            "0.002",
            "--countries",
            "BLZ,CRI",
            "--from",
            "2023-01",
            "--to",
            "2023-03",
            "--json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode summary = JSON.readTree(result.out());
    long rows = 0;
    for (JsonNode file : summary.get("files")) {
      assertThat(file.get("country").asText()).isIn("BLZ", "CRI");
      assertThat(Files.exists(out.resolve(file.get("path").asText()))).isTrue();
      rows += file.get("rows").asLong();
    }
    assertThat(rows).isEqualTo(summary.get("records").asLong()).isPositive();
    assertThat(Files.exists(out.resolve("README.md"))).isTrue();
    assertThat(Files.exists(out.resolve("truth/records.csv"))).isTrue();
    // Running again into the same directory replaces the earlier simulation.
    assertThat(
            run(
                    "simulate",
                    "--out",
                    out.toString(),
                    "--countries",
                    "BLZ",
                    "--scale",
                    "0.001",
                    "--to",
                    "2023-02",
                    "--quiet")
                .exitCode())
        .isZero();
    assertThat(Files.exists(out.resolve("CRI"))).isFalse();
  }

  @Test
  void simulateRefusesADirectoryItDidNotWrite(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve("notes.txt"), "mine");
    CliRun result = run("simulate", "--out", out.toString(), "--countries", "BLZ");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("not empty");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void benchSaysWhereItRuns() {
    assertThat(run("bench").err()).contains("not a command of this jar").contains("./puente bench");
  }
}
