package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * puente indicators and puente coverage on one small node (three countries of the simulated region,
 * every export of theirs ingested, one run), checked against numbers read independently: the
 * unprotected tables of 'puente table', the example population file, and the lake's partitions on
 * disk.
 */
class IndicatorCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COUNTRIES = List.of("CRI", "GTM", "HND");
  private static final Path SPECS = Path.of("../examples/specs");
  private static final Path POPULATION = Path.of("../examples/population/population-2023-2024.csv");

  @TempDir static Path dir;

  private static String home;

  @BeforeAll
  static void smallNode() throws IOException {
    // Three countries of the simulated region (crossings, permits and returns), ingested with their
    // shipped specs and derived once: the demo's steps at a third of the demo's cost.
    Path region = dir.resolve("region");
    CliRun simulate =
        run(
            "simulate",
            "--out",
            region.toString(),
            "--countries",
            String.join(",", COUNTRIES),
            "--scale",
            "0.0002",
            "--seed",
            "4",
            "--quiet");
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    home = dir.resolve("node").toString();
    assertThat(run("init", "--home", home).exitCode()).isZero();
    List<String> exports = Files.readAllLines(SPECS.resolve("simulated-region.csv"));
    for (String line : exports.subList(1, exports.size())) {
      String[] fields = line.split(",");
      if (!COUNTRIES.contains(fields[0])) {
        continue;
      }
      CliRun ingest =
          run(
              "ingest",
              "--home",
              home,
              "--quiet",
              "--spec",
              SPECS.resolve(fields[2] + ".yaml").toString(),
              region.resolve(fields[0]).resolve(fields[1]).toString());
      assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }
    CliRun derive = run("run", "--home", home, "--as-of", "2024-12-31", "--quiet");
    assertThat(derive.exitCode()).as(derive.err()).isZero();
    CliRun load = run("population", "load", "--home", home, POPULATION.toString());
    assertThat(load.exitCode()).as(load.err()).isZero();
  }

  @Test
  void netMigrationIsMigrantArrivalsMinusDeparturesPerCountryAndYear() throws IOException {
    Map<List<String>, Long> arrivals = countryYears("migrant_arrivals");
    Map<List<String>, Long> departures = countryYears("migrant_departures");
    List<CSVRecord> rows = indicators("net_migration", "--min-frequency", "1", "--role", "analyst");
    Set<List<String>> groups = new HashSet<>();
    for (CSVRecord row : rows) {
      List<String> group = List.of(row.get("reporting_country"), row.get("period"));
      groups.add(group);
      long expected = arrivals.getOrDefault(group, 0L) - departures.getOrDefault(group, 0L);
      assertThat(row.get("value")).as("%s", group).isEqualTo(Long.toString(expected));
      assertThat(row.get("unit")).isEqualTo("persons");
      assertThat(row.get("note")).isEmpty();
    }
    Set<List<String>> expectedGroups = new HashSet<>();
    expectedGroups.addAll(arrivals.keySet());
    expectedGroups.addAll(departures.keySet());
    // Every country with migrants in either cube, in every year of the run.
    assertThat(groups).containsAll(expectedGroups);
    assertThat(groups.stream().map(g -> g.get(1)).distinct())
        .containsExactlyInAnyOrder("2023", "2024");
    assertThat(arrivals.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(20);
  }

  @Test
  void arrivalsPerThousandDivideByTheLoadedPopulation() throws IOException {
    Map<List<String>, Long> arrivals = countryYears("migrant_arrivals");
    Map<List<String>, Long> population = new HashMap<>();
    for (CSVRecord row : csv(Files.readString(POPULATION).replaceAll("(?m)^#.*\\R", ""))) {
      population.put(List.of(row.get("country"), row.get("year")), Long.parseLong(row.get(3)));
    }
    List<CSVRecord> rows =
        indicators("migrant_arrivals_per_1000", "--min-frequency", "1", "--role", "analyst");
    int checked = 0;
    for (CSVRecord row : rows) {
      List<String> group = List.of(row.get("reporting_country"), row.get("period"));
      BigDecimal expected =
          BigDecimal.valueOf(1000L * arrivals.getOrDefault(group, 0L))
              .divide(BigDecimal.valueOf(population.get(group)), 2, RoundingMode.HALF_EVEN);
      assertThat(new BigDecimal(row.get("value"))).as("%s", group).isEqualTo(expected);
      checked += arrivals.getOrDefault(group, 0L) > 0 ? 1 : 0;
    }
    assertThat(checked).isGreaterThan(3);
  }

  @Test
  void valuesFromSmallCountsAreSuppressedAndNotPrinted() throws IOException {
    Map<List<String>, Long> arrivals = countryYears("migrant_arrivals");
    Map<List<String>, Long> departures = countryYears("migrant_departures");
    List<CSVRecord> rows = indicators("net_migration");
    int suppressed = 0;
    for (CSVRecord row : rows) {
      List<String> group = List.of(row.get("reporting_country"), row.get("period"));
      long in = arrivals.getOrDefault(group, 0L);
      long out = departures.getOrDefault(group, 0L);
      boolean small = (in > 0 && in < 5) || (out > 0 && out < 5);
      if (small) {
        suppressed++;
        assertThat(row.get("value")).as("%s", group).isEmpty();
        assertThat(row.get("note")).isEqualTo("suppressed");
      } else {
        assertThat(row.get("value")).isEqualTo(Long.toString(in - out));
      }
    }
    assertThat(suppressed).isPositive();

    CliRun json =
        run("indicators", "net_migration", "--home", home, "--json", "--min-frequency", "1000000");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode values = JSON.readTree(json.out());
    assertThat(values.size()).isEqualTo(rows.size());
    for (JsonNode value : values) {
      List<String> group =
          List.of(
              value.get("group").get("reporting_country").asText(),
              value.get("group").get("period").asText());
      boolean anyCount = arrivals.containsKey(group) || departures.containsKey(group);
      assertThat(value.get("suppressed").asBoolean()).as("%s", group).isEqualTo(anyCount);
      assertThat(value.get("value").isNull()).isEqualTo(anyCount);
    }
  }

  @Test
  void everyIndicatorOfTheCatalogueIsComputedInTextAndSpanish() {
    CliRun text = run("indicators", "--home", home, "--lang", "es");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains(
            "net_migration",
            "Migración neta",
            "overstay_rate",
            "coverage_migration_status",
            "arrivals_year_on_year",
            "division by zero",
            "reporting_country",
            "values;");
    String[] lines = text.out().split("\\R");
    assertThat(lines[0]).startsWith("id").contains("period", "value", "unit", "note");
    // Aligned: the unit of every row starts under the header's "unit".
    int unitColumn = lines[0].indexOf("unit");
    List<String> netMigration =
        Stream.of(lines).filter(line -> line.startsWith("net_migration")).toList();
    assertThat(netMigration)
        .hasSizeGreaterThan(3)
        .allMatch(line -> line.indexOf("persons") == unitColumn);
    CliRun byQuarter =
        run(
            "indicators",
            "sex_ratio_arrivals",
            "--home",
            home,
            "--period",
            "2024-Q1,2024-Q2",
            "--format",
            "csv");
    assertThat(byQuarter.exitCode()).as(byQuarter.err()).isZero();
    assertThat(csv(byQuarter.out()))
        .isNotEmpty()
        .allMatch(row -> row.get("period").startsWith("2024-Q"));
  }

  @Test
  void misuseIsAUsageError() {
    assertThat(run("indicators", "--home", home, "--by", "period").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    CliRun notApplicable = run("indicators", "net_migration", "--home", home, "--by", "port");
    assertThat(notApplicable.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(notApplicable.err()).contains("applies to");
    assertThat(run("indicators", "--home", home, "--period", "2024-13").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("coverage", "--home", home, "--from", "2024").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    CliRun belowThreshold =
        run("indicators", "net_migration", "--home", home, "--min-frequency", "2");
    assertThat(belowThreshold.exitCode()).isEqualTo(1);
    assertThat(belowThreshold.err()).contains("needs the analyst role");
    assertThat(
            run(
                    "indicators",
                    "net_migration",
                    "--home",
                    home,
                    "--min-frequency",
                    "2",
                    "--role",
                    "analyst")
                .exitCode())
        .isZero();
    assertThat(run("audit", "--home", home).out()).contains("INDICATORS_BELOW_THRESHOLD");
    assertThat(run("coverage", "--home", home, "--from", "2024-05", "--to", "2024-01").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void coverageListsEverySourceWithTheMonthsItsFilesCover() throws IOException {
    CliRun coverage = run("coverage", "--home", home, "--json");
    assertThat(coverage.exitCode()).as(coverage.err()).isZero();
    JsonNode result = JSON.readTree(coverage.out());
    assertThat(result.get("from").asText()).isEqualTo("2023-01");
    assertThat(result.get("to").asText()).isEqualTo("2024-12");

    Map<List<String>, Set<String>> lakeMonths = lakeMonths();
    Set<List<String>> submitted = new HashSet<>();
    for (JsonNode submission : JSON.readTree(run("submissions", "--home", home, "--json").out())) {
      submitted.add(List.of(submission.get("country").asText(), submission.get("kind").asText()));
    }
    Map<List<String>, JsonNode> sources = new HashMap<>();
    for (JsonNode source : result.get("sources")) {
      sources.put(List.of(source.get("country").asText(), source.get("kind").asText()), source);
    }
    assertThat(sources.keySet()).containsExactlyInAnyOrderElementsOf(submitted);
    assertThat(sources).hasSizeGreaterThanOrEqualTo(7);
    int complete = 0;
    for (Map.Entry<List<String>, JsonNode> entry : sources.entrySet()) {
      JsonNode source = entry.getValue();
      Set<String> months = lakeMonths.getOrDefault(entry.getKey(), Set.of());
      List<String> missing = new ArrayList<>();
      for (YearMonth m = YearMonth.of(2023, 1);
          !m.isAfter(YearMonth.of(2024, 12));
          m = m.plusMonths(1)) {
        if (!months.contains(m.toString())) {
          missing.add(m.toString());
        }
      }
      assertThat(source.get("expected").asInt()).isEqualTo(24);
      assertThat(source.get("reported").asInt())
          .as("%s", entry.getKey())
          .isEqualTo(24 - missing.size());
      List<String> listed = new ArrayList<>();
      source.get("missing").forEach(month -> listed.add(month.asText()));
      assertThat(listed).isEqualTo(missing);
      // Ingested today, long after the simulated months ended: nothing is on time.
      assertThat(source.get("onTime").asInt()).isZero();
      if (missing.isEmpty()) {
        complete++;
        assertThat(source.get("reportingRate").decimalValue()).isEqualByComparingTo("100.0");
      }
    }
    assertThat(complete).isPositive();

    CliRun widened =
        run(
            "coverage",
            "--home",
            home,
            "--from",
            "2022-11",
            "--to",
            "2023-02",
            "--on-time-days",
            "100000");
    assertThat(widened.exitCode()).as(widened.err()).isZero();
    assertThat(widened.out())
        .contains("missing 2022-11..2022-12", "(" + sources.size() + " sources)");
    assertThat(widened.out()).doesNotContain("late ");
  }

  @Test
  void monthsAreListedAsRanges() {
    List<YearMonth> months =
        Stream.of("2023-01", "2023-02", "2023-03", "2023-05", "2023-12", "2024-01")
            .map(YearMonth::parse)
            .toList();
    assertThat(CoverageCommand.ranges(months))
        .isEqualTo("2023-01..2023-03, 2023-05, 2023-12..2024-01");
    List<YearMonth> scattered =
        Stream.of("2023-01", "2023-03", "2023-05", "2023-07", "2023-09", "2023-11")
            .map(YearMonth::parse)
            .toList();
    assertThat(CoverageCommand.ranges(scattered))
        .isEqualTo("2023-01, 2023-03, 2023-05, 2023-07 and 2 more");
  }

  /** country and kind → the months of its committed lake partitions (the directories on disk). */
  private static Map<List<String>, Set<String>> lakeMonths() throws IOException {
    Map<List<String>, Set<String>> months = new HashMap<>();
    Path lake = Path.of(home, "lake");
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Path relative = lake.relativize(file);
        if (!relative.getName(0).toString().startsWith("kind=")) {
          continue; // derived files
        }
        String kind = relative.getName(0).toString().substring("kind=".length());
        String country = relative.getName(1).toString().substring("country=".length());
        String month = relative.getName(2).toString().substring("period=".length());
        months.computeIfAbsent(List.of(country, kind), k -> new TreeSet<>()).add(month);
      }
    }
    return months;
  }

  /** Country-year cells of a cube's unprotected table (zero cells are not listed). */
  private static Map<List<String>, Long> countryYears(String cube) {
    CliRun table =
        run(
            "table",
            cube,
            "--home",
            home,
            "--by",
            "reporting_country,period",
            "--period-level",
            "year",
            "--protect",
            "none",
            "--role",
            "analyst",
            "--format",
            "csv");
    assertThat(table.exitCode()).as(table.err()).isZero();
    Map<List<String>, Long> cells = new HashMap<>();
    for (CSVRecord row : csv(table.out())) {
      String country = row.get("reporting_country");
      String period = row.get("period");
      if (country.matches("[A-Z]{3}") && period.matches("\\d{4}")) {
        cells.put(List.of(country, period), Long.parseLong(row.get("value")));
      }
    }
    return cells;
  }

  private static List<CSVRecord> indicators(String id, String... options) {
    List<String> args =
        new ArrayList<>(List.of("indicators", id, "--home", home, "--format", "csv"));
    args.addAll(List.of(options));
    CliRun result = run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<CSVRecord> rows = csv(result.out());
    assertThat(rows).isNotEmpty().allMatch(row -> row.get("id").equals(id));
    return rows;
  }

  private static List<CSVRecord> csv(String text) {
    try {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(new StringReader(text))
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
