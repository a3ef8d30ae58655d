package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A month a source reported: some committed submission of it has records in that month.
 *
 * @param source who reported
 * @param month the month the records are in
 * @param firstCommitted when the earliest such submission finished (was committed)
 */
public record MonthReport(ReportingSource source, YearMonth month, Instant firstCommitted) {

  public MonthReport {
    requireNonNull(source, "source is null");
    requireNonNull(month, "month is null");
    requireNonNull(firstCommitted, "firstCommitted is null");
  }
}
