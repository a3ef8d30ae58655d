package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reporting completeness and timeliness per source, as DHIS2 computes them for data sets: every
 * source is expected to report every month of the range; a month counts as reported when records of
 * it were committed, and as on time when the first commit came at most {@code onTimeDays} days
 * after the month ended (UTC).
 */
public final class ReportingRates {

  /** DHIS2's default "days after period end to qualify for timely submission" is 15. */
  public static final int DEFAULT_ON_TIME_DAYS = 15;

  private ReportingRates() {}

  /**
   * The rates of each source, ordered by country and kind.
   *
   * @param expected the sources expected to report (a source that reported is expected too)
   * @param from the first month of the range
   * @param to the last month of the range
   * @param reports the months sources reported; months outside the range are ignored
   * @param onTimeDays days after a month's end within which its report is on time
   */
  public static List<ReportingRate> compute(
      Collection<ReportingSource> expected,
      YearMonth from,
      YearMonth to,
      Collection<MonthReport> reports,
      int onTimeDays) {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends (" + to + ") before it starts " + from);
    }
    if (onTimeDays < 0) {
      throw new IllegalArgumentException("onTimeDays is negative: " + onTimeDays);
    }
    TreeSet<ReportingSource> sources = new TreeSet<>(expected);
    // The earliest commit per source and month: a resubmission later cannot make a month late.
    Map<ReportingSource, Map<YearMonth, Instant>> first = new HashMap<>();
    for (MonthReport report : reports) {
      if (report.month().isBefore(from) || report.month().isAfter(to)) {
        continue;
      }
      sources.add(report.source());
      first
          .computeIfAbsent(report.source(), source -> new HashMap<>())
          .merge(report.month(), report.firstCommitted(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<ReportingRate> rates = new ArrayList<>();
    for (ReportingSource source : sources) {
      Map<YearMonth, Instant> months = first.getOrDefault(source, Map.of());
      List<YearMonth> missing = new ArrayList<>();
      List<YearMonth> late = new ArrayList<>();
      int expectedMonths = 0;
      int reported = 0;
      int onTime = 0;
      for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
        expectedMonths++;
        Instant committed = months.get(month);
        if (committed == null) {
          missing.add(month);
          continue;
        }
        reported++;
        if (committed.isBefore(deadline(month, onTimeDays))) {
          onTime++;
        } else {
          late.add(month);
        }
      }
      rates.add(new ReportingRate(source, expectedMonths, reported, onTime, missing, late));
    }
    return rates;
  }

  /**
   * The first instant that is too late for {@code month}: its end (midnight UTC starting the next
   * month) plus {@code onTimeDays} days.
   */
  public static Instant deadline(YearMonth month, int onTimeDays) {
    return month
        .plusMonths(1)
        .atDay(1)
        .plusDays(onTimeDays)
        .atStartOfDay()
        .toInstant(ZoneOffset.UTC);
  }
}
