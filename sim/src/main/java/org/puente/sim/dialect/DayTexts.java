package org.puente.sim.dialect;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * Dates as text, each day from 1900 to 2099 formatted once: the simulator writes a date or two for
 * every record (event days, birth days, truth lines) and formatting cost more than the rest of the
 * row. Days outside the range are formatted every time. Threads may format the same day twice; both
 * store equal strings, so no lock is needed.
 */
public final class DayTexts {

  private static final long FIRST = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final int DAYS = (int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST);

  private final Function<LocalDate, String> format;
  private final Function<LocalDate, String> outside;
  private final String[] cache = new String[DAYS];

  /**
   * @param format formats the days of the cached range
   * @param outside formats days outside it
   */
  public DayTexts(Function<LocalDate, String> format, Function<LocalDate, String> outside) {
    this.format = requireNonNull(format, "format is null");
    this.outside = requireNonNull(outside, "outside is null");
  }

  public String text(LocalDate date) {
    long index = date.toEpochDay() - FIRST;
    if (index < 0 || index >= DAYS) {
      return outside.apply(date);
    }
    String text = cache[(int) index];
    if (text == null) {
      text = format.apply(date);
      cache[(int) index] = text;
    }
    return text;
  }
}
