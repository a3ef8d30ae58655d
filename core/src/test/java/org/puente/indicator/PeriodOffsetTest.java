package org.puente.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodOffsetTest {

  @Test
  void offsetsShiftYearsQuartersAndMonths() {
    PeriodOffset lastYear = PeriodOffset.parse("-1y").orElseThrow();
    assertThat(lastYear.apply("2024")).hasValue("2023");
    assertThat(lastYear.apply("2024-Q1")).hasValue("2023-Q1");
    assertThat(lastYear.apply("2024-03")).hasValue("2023-03");
    PeriodOffset lastQuarter = PeriodOffset.parse("-1q").orElseThrow();
    assertThat(lastQuarter.apply("2024-Q1")).hasValue("2023-Q4");
    assertThat(lastQuarter.apply("2024-02")).hasValue("2023-11");
    assertThat(lastQuarter.apply("2024")).isEmpty();
    assertThat(PeriodOffset.parse("-1m").orElseThrow().apply("2024-01")).hasValue("2023-12");
    assertThat(PeriodOffset.parse("-1m").orElseThrow().apply("2024-Q1")).isEmpty();
    assertThat(PeriodOffset.parse("1 year")).isEmpty();
    assertThat(PeriodOffset.yearOf("2024-Q3")).hasValue(2024);
    assertThat(PeriodOffset.yearOf("24")).isEmpty();
  }
}
