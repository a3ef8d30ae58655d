package org.puente.sim;

import java.time.LocalDate;

/**
 * ISO dates as text, each day from 1900 to 2099 formatted once: the truth files write a date for
 * every crossing, and {@link LocalDate#toString()} allocates a builder each time. Threads may
 * format the same day twice; both store equal strings, so no lock is needed.
 */
final class IsoDates {

  private static final long FIRST = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final String[] CACHE =
      new String[(int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST)];

  private IsoDates() {}

  static String text(LocalDate date) {
    long index = date.toEpochDay() - FIRST;
    if (index < 0 || index >= CACHE.length) {
      return date.toString();
    }
    String text = CACHE[(int) index];
    if (text == null) {
      text = date.toString();
      CACHE[(int) index] = text;
    }
    return text;
  }
}
