package org.puente.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.schema.EventKind;

/** Hand-made reports; expected rates counted by hand from the months listed. */
class ReportingRatesTest {

  private static final ReportingSource GTM = new ReportingSource("GTM", EventKind.BORDER_CROSSING);
  private static final ReportingSource HND =
      new ReportingSource("HND", EventKind.RETURN_OF_NATIONAL);
  private static final YearMonth JANUARY = YearMonth.of(2024, 1);
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  @Test
  void monthsAreReportedOnTimeLateOrMissing() {
    List<MonthReport> reports =
        List.of(
            // January ends 2024-02-01T00:00Z; 15 days later is 2024-02-16T00:00Z.
            new MonthReport(GTM, JANUARY, Instant.parse("2024-02-15T23:59:59Z")),
            // A later resubmission of January does not make it late.
            new MonthReport(GTM, JANUARY, Instant.parse("2024-06-01T00:00:00Z")),
            new MonthReport(GTM, YearMonth.of(2024, 2), Instant.parse("2024-03-16T00:00:00Z")),
            // Outside the range: ignored.
            new MonthReport(GTM, YearMonth.of(2023, 12), Instant.parse("2024-01-02T00:00:00Z")));

    List<ReportingRate> rates =
        ReportingRates.compute(List.of(HND, GTM), JANUARY, MARCH, reports, 15);

    assertThat(rates).extracting(ReportingRate::source).containsExactly(GTM, HND);
    ReportingRate gtm = rates.get(0);
    assertThat(gtm.expected()).isEqualTo(3);
    assertThat(gtm.reported()).isEqualTo(2);
    assertThat(gtm.onTime()).isEqualTo(1);
    assertThat(gtm.missing()).containsExactly(MARCH);
    assertThat(gtm.late()).containsExactly(YearMonth.of(2024, 2));
    assertThat(gtm.rate()).isEqualTo(new BigDecimal("66.7")); // 2 / 3
    assertThat(gtm.onTimeRate()).isEqualTo(new BigDecimal("33.3")); // 1 / 3

    ReportingRate hnd = rates.get(1);
    assertThat(hnd.reported()).isZero();
    assertThat(hnd.rate()).isEqualTo(new BigDecimal("0.0"));
    assertThat(hnd.missing()).hasSize(3);
  }

  @Test
  void theAllowedDaysMoveTheDeadline() {
    List<MonthReport> reports =
        List.of(new MonthReport(GTM, JANUARY, Instant.parse("2024-02-20T00:00:00Z")));
    assertThat(ReportingRates.compute(List.of(), JANUARY, JANUARY, reports, 15).get(0).onTime())
        .isZero();
    assertThat(ReportingRates.compute(List.of(), JANUARY, JANUARY, reports, 30).get(0).onTime())
        .as("a source that reported is expected even when not listed")
        .isEqualTo(1);
    assertThat(ReportingRates.deadline(JANUARY, 0))
        .isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
  }
}
