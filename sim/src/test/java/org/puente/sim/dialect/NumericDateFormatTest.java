package org.puente.sim.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericDateFormatTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"dd/MM/yyyy", "MM/dd/yyyy", "yyyy-MM-dd", "d/M/yyyy", "yyyyMMdd", "d.M.yyyy"})
  void formatsEveryDayOfTwoCenturiesAsTheJdkDoes(String pattern) {
    NumericDateFormat fast = NumericDateFormat.of(pattern).orElseThrow();
    DateTimeFormatter jdk = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    for (LocalDate day = LocalDate.of(1900, 1, 1);
        day.isBefore(LocalDate.of(2100, 1, 1));
        day = day.plusDays(1)) {
      assertThat(fast.format(day)).isEqualTo(jdk.format(day));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dd-MMM-yyyy", "dd/MM/yy", "EEE dd/MM/yyyy", "'day' dd/MM/yyyy"})
  void leavesOtherPatternsToTheJdk(String pattern) {
    assertThat(NumericDateFormat.of(pattern)).isEmpty();
  }
}
