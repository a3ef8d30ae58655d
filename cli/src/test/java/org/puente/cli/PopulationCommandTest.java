package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** population load and list through the real command line, on the shipped example file. */
class PopulationCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("../examples/population/population-2023-2024.csv");

  @TempDir Path dir;

  private String home;

  @BeforeEach
  void initNode() {
    home = dir.resolve("node").toString();
    CliRun init = run("init", "--home", home);
    assertThat(init.exitCode()).as(init.err()).isZero();
  }

  @Test
  void theExampleLoadsAndLists() throws IOException {
    CliRun load =
        run(
            "population",
            "load",
            "--home",
            home,
            EXAMPLE.toString(),
            "--source",
            "UN WPP 2024 (approximate)",
            "--json");
    assertThat(load.exitCode()).as(load.err()).isZero();
    JsonNode loaded = JSON.readTree(load.out());
    assertThat(loaded.get("rows").asInt()).isEqualTo(20);
    assertThat(loaded.get("countryYears")).hasSize(20);

    JsonNode listed = JSON.readTree(run("population", "list", "--home", home, "--json").out());
    assertThat(listed).hasSize(20);
    assertThat(listed)
        .extracting(row -> row.get("country").asText())
        .containsOnly("BLZ", "CRI", "DOM", "GTM", "HND", "JAM", "MEX", "NIC", "PAN", "SLV");
    JsonNode gtm2024 = listed.get(7);
    assertThat(gtm2024.get("country").asText()).isEqualTo("GTM");
    assertThat(gtm2024.get("year").asInt()).isEqualTo(2024);
    assertThat(gtm2024.get("sex").asText()).isEqualTo("_T");
    assertThat(gtm2024.get("population").asLong()).isEqualTo(18_406_000);
    assertThat(gtm2024.get("source").asText()).isEqualTo("UN WPP 2024 (approximate)");

    // A second file replaces GTM 2024 only; the default source is the file's name.
    Path revision = write("gtm.csv", "country,year,sex,population", "GTM,2024,_T,18500000");
    CliRun second = run("population", "load", "--home", home, revision.toString());
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("loaded 1 rows (1 country-years)");
    CliRun table = run("population", "list", "--home", home);
    assertThat(table.out())
        .containsPattern("GTM 2024 _T +18500000  gtm.csv")
        .containsPattern("GTM 2023 _T +18092000  UN WPP 2024")
        .contains("(20 rows)");
  }

  @Test
  void aBadRowNamesFileLineAndFieldAndLoadsNothing() throws IOException {
    Path bad =
        write(
            "bad.csv",
            "# a comment line",
            "country,year,sex,population",
            "",
            "GTM,2024,_T,18406000",
            "HND,2024,_T,-5");
    CliRun load = run("population", "load", "--home", home, bad.toString());
    assertThat(load.exitCode()).isEqualTo(1);
    assertThat(load.err())
        .contains(bad + " line 5 field population:")
        .contains("'-5' is not a whole number");
    assertThat(JSON.readTree(run("population", "list", "--home", home, "--json").out()))
        .as("one bad row loads nothing")
        .isEmpty();

    assertError(write("sex.csv", "country,year,sex,population", "GTM,2024,X,1"), 2, "sex");
    assertError(write("cty.csv", "country,year,sex,population", "XXX,2024,_T,1"), 2, "country");
    assertError(write("yr.csv", "country,year,sex,population", "GTM,24,_T,1"), 2, "year");
    assertError(write("head.csv", "pais,anio,sexo,poblacion"), 1, "header");
    assertError(write("short.csv", "country,year,sex,population", "GTM,2024,_T"), 2, "row");
    assertError(
        write("dup.csv", "country,year,sex,population", "GTM,2024,_T,1", "GTM,2024,_T,2"),
        3,
        "country");
  }

  @Test
  void populationWithoutASubcommandIsAUsageError() {
    assertThat(run("population", "--home", home).exitCode()).isEqualTo(2);
  }

  private void assertError(Path file, int line, String field) {
    CliRun load = run("population", "load", "--home", home, file.toString());
    assertThat(load.exitCode()).as(load.out()).isEqualTo(1);
    assertThat(load.err()).contains(file + " line " + line + " field " + field + ":");
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
