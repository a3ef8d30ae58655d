package org.puente.sim;

import java.time.LocalDate;
import org.puente.sim.dialect.DayTexts;

/** ISO dates for the truth files, each day formatted once (see {@link DayTexts}). */
final class IsoDates {

  private static final DayTexts ISO = new DayTexts(LocalDate::toString, LocalDate::toString);

  private IsoDates() {}

  static String text(LocalDate date) {
    return ISO.text(date);
  }
}
