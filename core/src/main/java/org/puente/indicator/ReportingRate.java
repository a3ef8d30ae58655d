package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * How completely and how promptly one source reported over a range of months (DHIS2's "reporting
 * rate" and "reporting rate on time").
 *
 * @param source the country and kind
 * @param expected months in the range (each expects one report)
 * @param reported months with records committed
 * @param onTime months whose first commit came within the allowed days after the month ended
 * @param missing months with no records, in order
 * @param late months reported, but not on time, in order
 */
public record ReportingRate(
    ReportingSource source,
    int expected,
    int reported,
    int onTime,
    List<YearMonth> missing,
    List<YearMonth> late) {

  public ReportingRate {
    requireNonNull(source, "source is null");
    missing = List.copyOf(missing);
    late = List.copyOf(late);
    if (expected < 1 || reported < 0 || onTime < 0 || onTime > reported || reported > expected) {
      throw new IllegalArgumentException(
          "need 0 <= onTime <= reported <= expected, 1 <= expected: "
              + onTime
              + ", "
              + reported
              + ", "
              + expected);
    }
    if (missing.size() != expected - reported || late.size() != reported - onTime) {
      throw new IllegalArgumentException("missing and late months do not match the counts");
    }
  }

  /** Reported months as a percentage of expected ones, one decimal. */
  public BigDecimal rate() {
    return percent(reported);
  }

  /** Months reported on time as a percentage of expected ones, one decimal. */
  public BigDecimal onTimeRate() {
    return percent(onTime);
  }

  private BigDecimal percent(int count) {
    return BigDecimal.valueOf(count * 100L)
        .divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_EVEN);
  }
}
