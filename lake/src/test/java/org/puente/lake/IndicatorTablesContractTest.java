package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.indicator.ReportingRate;
import org.puente.indicator.ReportingSource;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.PopulationRecord;
import org.puente.lake.catalog.PopulationRow;
import org.puente.lake.catalog.Receipt;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.lake.catalog.SubmissionStatus;
import org.puente.node.NodeHome;
import org.puente.schema.EventKind;

/**
 * The catalog tables behind indicators, on every catalog backend: population denominators
 * (migration V4) and the reporting coverage read from committed manifests.
 */
abstract class IndicatorTablesContractTest {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path temp;

  NodeHome home;
  CatalogConfig config;
  SettableClock clock;
  Catalog catalog;
  Lake lake;

  abstract CatalogConfig newCatalog(NodeHome home);

  abstract void dropCatalog(CatalogConfig config);

  @BeforeEach
  void open() {
    home = new NodeHome(temp.resolve("home"));
    config = newCatalog(home);
    clock = new SettableClock(START);
    catalog = Catalog.open(config, clock);
    lake = Lake.open(home, catalog);
  }

  @AfterEach
  void close() {
    lake.close();
    catalog.close();
    dropCatalog(config);
  }

  @Test
  void populationLoadsListsAndReplacesByCountryYear() {
    clock.set(Instant.parse("2026-01-05T09:00:00Z"));
    List<String> replaced =
        catalog
            .population()
            .load(
                List.of(
                    new PopulationRow("GTM", 2023, "_T", 18_092_026),
                    new PopulationRow("GTM", 2024, "_T", 18_406_359),
                    new PopulationRow("GTM", 2024, "F", 9_300_000)),
                "UN WPP 2024 (approximate)");
    assertThat(replaced).containsExactly("GTM 2023", "GTM 2024");
    assertThat(catalog.population().population("GTM", 2024)).hasValue(18_406_359);
    assertThat(catalog.population().population("GTM", 2024, "F")).hasValue(9_300_000);
    assertThat(catalog.population().population("GTM", 2024, "M")).isEmpty();
    assertThat(catalog.population().population("HND", 2024)).isEmpty();

    // Loading GTM 2024 again replaces all of GTM 2024 (its F row too) and leaves GTM 2023.
    clock.set(Instant.parse("2026-02-01T00:00:00Z"));
    catalog.population().load(List.of(new PopulationRow("GTM", 2024, "_T", 18_400_000)), "rev");
    List<PopulationRecord> rows = catalog.population().list();
    assertThat(rows)
        .extracting(PopulationRecord::row)
        .containsExactly(
            new PopulationRow("GTM", 2023, "_T", 18_092_026),
            new PopulationRow("GTM", 2024, "_T", 18_400_000));
    assertThat(rows.get(0).source()).isEqualTo("UN WPP 2024 (approximate)");
    assertThat(rows.get(0).loadedAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    assertThat(rows.get(1).source()).isEqualTo("rev");

    catalog.population().replace("GTM", 2023, List.of(), "withdrawn");
    assertThat(catalog.population().population("GTM", 2023)).isEmpty();
    assertThat(catalog.population().population("GTM", 2024)).isEqualTo(OptionalLong.of(18_400_000));
  }

  @Test
  void twoRowsForOneCountryYearAndSexLoadNothing() {
    assertThatThrownBy(
            () ->
                catalog
                    .population()
                    .load(
                        List.of(
                            new PopulationRow("PAN", 2024, "_T", 4_500_000),
                            new PopulationRow("PAN", 2024, "_T", 4_600_000)),
                        "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PAN 2024 sex _T");
    assertThat(catalog.population().list()).isEmpty();
  }

  @Test
  void theDatabaseRefusesNegativePopulationsAndUnknownSexes() throws SQLException {
    try (Connection connection = catalogConnection();
        Statement statement = connection.createStatement()) {
      String insert =
          "INSERT INTO population (country, reference_year, sex, population, source, loaded_at)"
              + " VALUES ('GTM', 2024, '%s', %d, 's', CURRENT_TIMESTAMP)";
      assertThatThrownBy(() -> statement.executeUpdate(String.format(insert, "_T", -1)))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.executeUpdate(String.format(insert, "_U", 1)))
          .isInstanceOf(SQLException.class);
      statement.executeUpdate(String.format(insert, "_T", 5));
      assertThatThrownBy(() -> statement.executeUpdate(String.format(insert, "_T", 6)))
          .as("one row per country, year and sex")
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void coverageCountsMonthsWithCommittedRowsAndTheFirstCommitTime() {
    Source gtm = catalog.sources().register("GTM", EventKind.BORDER_CROSSING, "gtm-csv", "1");
    Source gtmNewSpec =
        catalog.sources().register("GTM", EventKind.BORDER_CROSSING, "gtm-csv", "2");
    Source hnd = catalog.sources().register("HND", EventKind.RETURN_OF_NATIONAL, "hnd-csv", "1");

    // January, committed 10 days after it ended: on time.
    commitAt("2024-02-10T12:00:00Z", gtm, "jan.csv", month(2024, 1));
    // February and March, committed 20 April: February 35 days late, March 4 days late...
    commitAt("2024-04-20T12:00:00Z", gtm, "feb-mar.csv", month(2024, 2), month(2024, 3));
    // ...but February also came on 10 March under the new spec: its first commit is on time.
    commitAt("2024-03-10T12:00:00Z", gtmNewSpec, "feb.csv", month(2024, 2));
    // April: the same content again is a duplicate, and a failed submission publishes nothing.
    clock.set(Instant.parse("2024-05-02T00:00:00Z"));
    assertThat(lake.receive(gtm, "jan-again.csv", sha("jan.csv")))
        .isInstanceOf(Receipt.Duplicate.class);
    Receipt failing = lake.receive(gtm, "apr.csv", sha("apr.csv"));
    try (SubmissionWriter writer = lake.writer((Receipt.Accepted) failing, gtm, Rows.LAYOUT)) {
      writer.append(row(0, LocalDate.of(2024, 4, 3)));
      assertThat(writer.fail("test").status()).isEqualTo(SubmissionStatus.FAILED);
    }
    // HND reported only December 2023, outside the range.
    commitAt("2024-01-05T00:00:00Z", hnd, "dec.csv", month(2023, 12));

    List<ReportingRate> rates =
        catalog.coverage().rates(YearMonth.of(2024, 1), YearMonth.of(2024, 4), 15);

    assertThat(rates)
        .extracting(ReportingRate::source)
        .containsExactly(
            new ReportingSource("GTM", EventKind.BORDER_CROSSING),
            new ReportingSource("HND", EventKind.RETURN_OF_NATIONAL));
    ReportingRate gtmRate = rates.get(0);
    assertThat(gtmRate.expected()).isEqualTo(4);
    assertThat(gtmRate.reported()).isEqualTo(3);
    assertThat(gtmRate.onTime()).isEqualTo(2);
    assertThat(gtmRate.missing()).containsExactly(YearMonth.of(2024, 4));
    assertThat(gtmRate.late()).containsExactly(YearMonth.of(2024, 3));
    assertThat(rates.get(1).reported()).isZero();

    assertThat(catalog.coverage().reports(YearMonth.of(2024, 2), YearMonth.of(2024, 2)))
        .singleElement()
        .satisfies(
            report ->
                assertThat(report.firstCommitted())
                    .isEqualTo(Instant.parse("2024-03-10T12:00:00Z")));
    assertThat(
            catalog
                .coverage()
                .rates(YearMonth.of(2024, 1), YearMonth.of(2024, 4), 40)
                .get(0)
                .onTime())
        .as("with 40 days February's and March's first commits are in time")
        .isEqualTo(3);
  }

  private static LocalDate[] month(int year, int month) {
    return new LocalDate[] {LocalDate.of(year, month, 3), LocalDate.of(year, month, 17)};
  }

  private void commitAt(String finished, Source source, String fileName, LocalDate[]... months) {
    clock.set(Instant.parse(finished).minusSeconds(60));
    Receipt receipt = lake.receive(source, fileName, sha(fileName));
    assertThat(receipt).isInstanceOf(Receipt.Accepted.class);
    try (SubmissionWriter writer = lake.writer((Receipt.Accepted) receipt, source, Rows.LAYOUT)) {
      long seq = 0;
      for (LocalDate[] dates : months) {
        for (LocalDate date : dates) {
          writer.append(row(seq++, date));
        }
      }
      clock.set(Instant.parse(finished));
      Submission committed = writer.commit(RowCounts.allAccepted(seq));
      assertThat(committed.status()).isEqualTo(SubmissionStatus.COMMITTED);
      assertThat(committed.finishedAt()).hasValue(Instant.parse(finished));
    }
  }

  private static Object[] row(long seq, LocalDate date) {
    return new Object[] {date, "tok" + seq, 30, true, seq, date.atTime(10, 0)};
  }

  private static String sha(String content) {
    return ContentHash.sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  private Connection catalogConnection() throws SQLException {
    Connection connection =
        DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    if (config.schema().isPresent()) {
      connection.setSchema(config.schema().get());
    }
    return connection;
  }
}
