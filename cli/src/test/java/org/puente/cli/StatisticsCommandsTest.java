package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puente demo} end to end on a tiny region, then {@code puente table} over the node it
 * leaves: formats, protection presets, the analyst role and its audit, and misuse.
 */
class StatisticsCommandsTest {

  @TempDir static Path dir;

  private static Path home;
  private static CliRun demo;

  @BeforeAll
  static void runDemo() {
    home = dir.resolve("demo");
    demo = run("demo", "--home", home.toString(), "--scale", "0.0002", "--no-serve");
  }

  @Test
  void theDemoSimulatesIngestsRunsAndPrintsProtectedTables() {
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("1/4 simulate", "2/4 ingest", "3/4 link", "4/4 headline tables")
        .contains("== Crossings by reporting country and direction")
        .contains("== Returns of nationals by sex and age group")
        .containsPattern("22 files: read [0-9,]+ = accepted [0-9,]+ \\+ rejected [0-9,]+")
        .contains("protection suppression");
    assertThat(home.resolve(DemoCommand.MARKER)).exists();
  }

  @Test
  void theDemoRefusesADirectoryThatIsNotAnEarlierDemo() throws Exception {
    Path other = dir.resolve("someone-elses");
    Files.createDirectories(other);
    Files.writeString(other.resolve("thesis.txt"), "do not delete");
    CliRun refused = run("demo", "--home", other.toString(), "--no-serve");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("is not an earlier demo");
    assertThat(other.resolve("thesis.txt")).exists();
  }

  @Test
  void protectedValuesAreZeroOrAtLeastTheThresholdAndEqualTheTrueCount() throws Exception {
    Map<String, CSVRecord> open = csvByKey(table("--protect", "none", "--role", "analyst"));
    Map<String, CSVRecord> published = csvByKey(table());
    assertThat(published).isNotEmpty();
    int suppressed = 0;
    for (Map.Entry<String, CSVRecord> cell : published.entrySet()) {
      String value = cell.getValue().get("value");
      if (value.isEmpty()) {
        suppressed++;
        assertThat(cell.getValue().get("status"))
            .isIn("PRIMARY_FREQUENCY", "PRIMARY_DOMINANCE", "SECONDARY");
        continue;
      }
      long count = Long.parseLong(value);
      assertThat(count).as(cell.getKey()).isGreaterThanOrEqualTo(5);
      assertThat(count).isEqualTo(Long.parseLong(open.get(cell.getKey()).get("value")));
    }
    assertThat(suppressed).isPositive();
    // Every cell the unprotected table has small is hidden in the published one.
    open.forEach(
        (key, row) -> {
          long count = Long.parseLong(row.get("value"));
          if (count > 0 && count < 5) {
            assertThat(published.get(key).get("value")).as(key).isEmpty();
          }
        });
  }

  @Test
  void unprotectedTablesNeedTheAnalystRoleAndAreAudited() {
    CliRun refused = run(args("crossings", "--by", "sex", "--protect", "none"));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("needs the analyst role");
    CliRun allowed =
        run(args("crossings", "--by", "sex", "--protect", "none", "--role", "analyst"));
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    CliRun audit = run("audit", "--home", home.toString());
    assertThat(audit.out()).contains("TABLE_UNPROTECTED").contains("table crossings by sex");
  }

  @Test
  void theCellKeyMethodGivesTheSameCellTheSameValueInEveryTable() throws Exception {
    Map<String, CSVRecord> bySex =
        csvByKey(
            run(args("crossings", "--by", "sex", "--protect", "ckm", "--format", "csv")).out());
    Map<String, CSVRecord> byDirection =
        csvByKey(
            run(args("crossings", "--by", "direction", "--protect", "ckm", "--format", "csv"))
                .out());
    Map<String, CSVRecord> again =
        csvByKey(
            run(args("crossings", "--by", "sex", "--protect", "ckm", "--format", "csv")).out());
    assertThat(bySex.get("_T").get("value")).isEqualTo(byDirection.get("_T").get("value"));
    bySex.forEach(
        (key, row) -> assertThat(again.get(key).get("value")).isEqualTo(row.get("value")));
    assertThat(bySex.get("_T").get("status")).isEqualTo("PERTURBED");
  }

  @Test
  void tablesAreWrittenAsCsvWithMetadataXlsxAndJson() throws Exception {
    Path csv = dir.resolve("t.csv");
    CliRun wrote =
        run(args("returns", "--by", "sex,age", "--format", "csv", "--out", csv.toString()));
    assertThat(wrote.exitCode()).as(wrote.err()).isZero();
    List<CSVRecord> rows = parse(Files.readString(csv));
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).toMap())
        .containsKeys("sex", "sex_label", "age", "age_label", "value", "status");
    JsonNode metadata = new ObjectMapper().readTree(dir.resolve("t.metadata.json").toFile());
    assertThat(metadata.get("sdc.method").asText()).isEqualTo("suppression");
    assertThat(metadata.get("audit.passed").asText()).isEqualTo("true");

    Path xlsx = dir.resolve("t.xlsx");
    assertThat(
            run(args("returns", "--by", "sex,age", "--format", "xlsx", "--out", xlsx.toString()))
                .exitCode())
        .isZero();
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet table = workbook.getSheet("table");
      assertThat(table.getLastRowNum()).isEqualTo(rows.size());
      assertThat(workbook.getSheet("metadata")).isNotNull();
    }

    CliRun json = run(args("returns", "--by", "sex,age", "--format", "json"));
    JsonNode parsed = new ObjectMapper().readTree(json.out());
    assertThat(parsed.get("cells")).hasSize(rows.size());
    assertThat(parsed.get("metadata").get("cube").asText()).isEqualTo("returns");
  }

  @Test
  void misuseIsAClearUsageError() {
    CliRun unknownCube = run(args("nosuchcube"));
    assertThat(unknownCube.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownCube.err()).contains("unknown cube 'nosuchcube'").contains("crossings");
    CliRun unknownDimension = run(args("returns", "--by", "port"));
    assertThat(unknownDimension.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownDimension.err()).contains("has no dimension 'port'");
    CliRun badPeriod = run(args("crossings", "--period", "last year"));
    assertThat(badPeriod.exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun list = run("table", "--list");
    assertThat(list.out()).contains("migrant_arrivals", "residence_permits_valid");
  }

  private static String table(String... protection) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "crossings",
                "--by",
                "citizenship,sex",
                "--period",
                "2024",
                "--period-level",
                "year",
                "--format",
                "csv"));
    all.addAll(List.of(protection));
    CliRun result = run(args(all.toArray(String[]::new)));
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result.out();
  }

  private static String[] args(String... rest) {
    List<String> all =
        new java.util.ArrayList<>(List.of("table", "--home", home.toString(), "--quiet"));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  /** Rows keyed by their codes (every column before value/status that is not a label). */
  private static Map<String, CSVRecord> csvByKey(String csv) throws Exception {
    Map<String, CSVRecord> rows = new HashMap<>();
    for (CSVRecord row : parse(csv)) {
      StringBuilder key = new StringBuilder();
      for (Map.Entry<String, String> field : row.toMap().entrySet()) {
        String name = field.getKey();
        if (!name.endsWith("_label") && !name.equals("value") && !name.equals("status")) {
          key.append(key.length() == 0 ? "" : "|").append(field.getValue());
        }
      }
      rows.put(key.toString(), row);
    }
    return rows;
  }
}
