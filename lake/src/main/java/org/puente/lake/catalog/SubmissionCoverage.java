package org.puente.lake.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.puente.indicator.MonthReport;
import org.puente.indicator.ReportingRate;
import org.puente.indicator.ReportingRates;
import org.puente.indicator.ReportingSource;
import org.puente.schema.EventKind;

/**
 * Which months each source reported, read from the committed manifests: a month is reported when a
 * COMMITTED submission of the source published a lake file of that month (its {@code
 * manifest_files.period}); its time is the earliest such submission's {@code finished_at}. The
 * rates themselves are {@link ReportingRates}' pure computation.
 */
public final class SubmissionCoverage {

  private final Catalog catalog;

  SubmissionCoverage(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Completeness and timeliness of every registered source (country and kind, whatever its spec)
   * over {@code from} to {@code to}.
   *
   * @param onTimeDays days after a month's end within which its first commit is on time
   */
  public List<ReportingRate> rates(YearMonth from, YearMonth to, int onTimeDays) {
    return ReportingRates.compute(sources(), from, to, reports(from, to), onTimeDays);
  }

  /** The sources registered in the catalog, as country and kind. */
  public List<ReportingSource> sources() {
    return catalog.inTransaction(
        connection -> {
          List<ReportingSource> sources = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT DISTINCT reporting_country, event_kind FROM sources"
                          + " ORDER BY reporting_country, event_kind");
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              sources.add(
                  new ReportingSource(
                      row.getString("reporting_country"),
                      EventKind.valueOf(row.getString("event_kind"))));
            }
          }
          return sources;
        });
  }

  /** The months each source reported between {@code from} and {@code to}, with the first commit. */
  public List<MonthReport> reports(YearMonth from, YearMonth to) {
    return catalog.inTransaction(
        connection -> {
          List<MonthReport> reports = new ArrayList<>();
          // 'YYYY-MM' strings sort as the months they name.
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT s.reporting_country, s.event_kind, f.period,"
                      + " MIN(sub.finished_at) AS first_committed"
                      + " FROM manifest_files f"
                      + " JOIN manifests m ON m.id = f.manifest_id"
                      + " JOIN submissions sub ON sub.id = m.submission_id"
                      + " JOIN sources s ON s.id = sub.source_id"
                      + " WHERE sub.status = 'COMMITTED' AND f.period >= ? AND f.period <= ?"
                      + " GROUP BY s.reporting_country, s.event_kind, f.period"
                      + " ORDER BY s.reporting_country, s.event_kind, f.period")) {
            statement.setString(1, from.toString());
            statement.setString(2, to.toString());
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                reports.add(
                    new MonthReport(
                        new ReportingSource(
                            row.getString("reporting_country"),
                            EventKind.valueOf(row.getString("event_kind"))),
                        YearMonth.parse(row.getString("period")),
                        Jdbc.instant(row, "first_committed")));
              }
            }
          }
          return reports;
        });
  }
}
