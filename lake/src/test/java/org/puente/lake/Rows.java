package org.puente.lake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.puente.lake.table.TableLayout;

/** Seeded synthetic rows for the lake tests: a small crossing-like table. */
final class Rows {

  static final TableLayout LAYOUT =
      TableLayout.of(
          "event_date",
          "event_date DATE",
          "person_token VARCHAR",
          "age INTEGER",
          "arrival BOOLEAN",
          "seq BIGINT",
          "recorded_at TIMESTAMP");

  private Rows() {}

  /** Row {@code seq} of a file whose events fall in {@code months} months from January 2024. */
  static Object[] row(long seq, int months, SplittableRandom random) {
    LocalDate date = LocalDate.of(2024, 1, 1).plusMonths(seq % months).plusDays(random.nextInt(28));
    return new Object[] {
      date,
      "tok" + random.nextInt(1_000_000),
      random.nextInt(10) == 0 ? null : random.nextInt(100),
      random.nextBoolean(),
      seq,
      LocalDateTime.of(date, java.time.LocalTime.of(random.nextInt(24), 0))
    };
  }
}
