package org.puente.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.indicator.MonthReport;
import org.puente.indicator.ReportingRate;
import org.puente.indicator.ReportingRates;
import org.puente.lake.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente coverage}: how completely and promptly each source reported (DHIS2's rates). */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Reporting rate and on-time rate of each source (reporting country and kind of records):",
      "every month of the range expects a report; a month is reported when a committed",
      "submission has records of it, and on time when the first such commit came at most",
      "--on-time-days days after the month ended (UTC). Missing and late months are listed."
    })
final class CoverageCommand implements Runnable {

  // Wider than any month a record can have: the bounds of "every committed month".
  private static final YearMonth EARLIEST = YearMonth.of(1900, 1);
  private static final YearMonth LATEST = YearMonth.of(9999, 12);

  private static final int MAX_RANGES = 4;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Option(
      names = "--from",
      paramLabel = "yyyy-MM",
      description = "First month (default: the first month with committed records).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "yyyy-MM",
      description = "Last month (default: the last month with committed records).")
  String to;

  @Option(
      names = "--on-time-days",
      defaultValue = "" + ReportingRates.DEFAULT_ON_TIME_DAYS,
      paramLabel = "N",
      description = "Days after a month's end its report is on time. Default: ${DEFAULT-VALUE}.")
  int onTimeDays;

  @Override
  public void run() {
    if (onTimeDays < 0) {
      throw new PuenteException(ErrorCode.USAGE, "--on-time-days is 0 or more: " + onTimeDays);
    }
    YearMonth first = from == null ? null : month("--from", from);
    YearMonth last = to == null ? null : month("--to", to);
    List<ReportingRate> rates;
    try (Catalog catalog = catalogOption.openCatalog(common)) {
      if (first == null || last == null) {
        List<MonthReport> reports = catalog.coverage().reports(EARLIEST, LATEST);
        if (reports.isEmpty()) {
          throw new PuenteException(
              ErrorCode.NOT_FOUND, "no committed records yet: 'puente ingest' first");
        }
        for (MonthReport report : reports) {
          if (from == null && (first == null || report.month().isBefore(first))) {
            first = report.month();
          }
          if (to == null && (last == null || report.month().isAfter(last))) {
            last = report.month();
          }
        }
      }
      if (last.isBefore(first)) {
        throw new PuenteException(
            ErrorCode.USAGE, "the range ends (" + last + ") before it starts (" + first + ")");
      }
      rates = catalog.coverage().rates(first, last, onTimeDays);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      Json.print(out, json(rates, first, last));
      return;
    }
    out.printf(
        "Reporting %s to %s; on time: within %d days after the month's end%n",
        first, last, onTimeDays);
    out.printf(
        "%-3s %-22s %6s %8s %7s %7s %7s  %s%n",
        "CTY", "KIND", "MONTHS", "REPORTED", "RATE%", "ONTIME", "ONTIME%", "MISSING / LATE");
    for (ReportingRate rate : rates) {
      List<String> notes = new ArrayList<>();
      if (!rate.missing().isEmpty()) {
        notes.add("missing " + ranges(rate.missing()));
      }
      if (!rate.late().isEmpty()) {
        notes.add("late " + ranges(rate.late()));
      }
      out.printf(
          "%-3s %-22s %6d %8d %7s %7d %7s  %s%n",
          rate.source().country(),
          rate.source().eventKind(),
          rate.expected(),
          rate.reported(),
          rate.rate().toPlainString(),
          rate.onTime(),
          rate.onTimeRate().toPlainString(),
          String.join("; ", notes));
    }
    out.printf("(%d sources)%n", rates.size());
  }

  private static Map<String, Object> json(
      List<ReportingRate> rates, YearMonth first, YearMonth last) {
    List<Map<String, Object>> sources = new ArrayList<>();
    for (ReportingRate rate : rates) {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("country", rate.source().country());
      source.put("kind", rate.source().eventKind().name());
      source.put("expected", rate.expected());
      source.put("reported", rate.reported());
      source.put("onTime", rate.onTime());
      source.put("reportingRate", rate.rate());
      source.put("onTimeRate", rate.onTimeRate());
      source.put("missing", rate.missing().stream().map(YearMonth::toString).toList());
      source.put("late", rate.late().stream().map(YearMonth::toString).toList());
      sources.add(source);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("from", first.toString());
    result.put("to", last.toString());
    result.put("sources", sources);
    return result;
  }

  /** Months in order, consecutive runs written as ranges: {@code 2023-01..2023-06, 2024-02}. */
  static String ranges(List<YearMonth> months) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= months.size(); i++) {
      if (i == months.size() || !months.get(i).equals(months.get(i - 1).plusMonths(1))) {
        YearMonth first = months.get(start);
        YearMonth last = months.get(i - 1);
        parts.add(first.equals(last) ? first.toString() : first + ".." + last);
        start = i;
      }
    }
    // Text output stays one line per source: the JSON lists every month.
    if (parts.size() > MAX_RANGES) {
      int more = parts.size() - MAX_RANGES;
      return String.join(", ", parts.subList(0, MAX_RANGES)) + " and " + more + " more";
    }
    return String.join(", ", parts);
  }

  private static YearMonth month(String option, String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new PuenteException(ErrorCode.USAGE, option + " is a month yyyy-MM: " + text);
    }
  }
}
