package org.puente.sim.dialect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Formats dates in the numeric patterns most exports use ({@code dd/MM/yyyy}, {@code M/d/yyyy},
 * {@code yyyy-MM-dd}, {@code yyyyMMdd}...) without {@link java.time.format.DateTimeFormatter},
 * whose per-call setup dominated filling the date caches on a cold JVM. Patterns with anything else
 * (month names, quoted text, two-digit years) are not handled: {@link #of} returns empty and the
 * caller keeps the JDK formatter. Tested against it on every day of two centuries.
 */
final class NumericDateFormat {

  /** A field (d, dd, M, MM, yyyy) or one literal character. */
  private record Part(char field, int width, char literal) {}

  private final List<Part> parts;

  private NumericDateFormat(List<Part> parts) {
    this.parts = parts;
  }

  static Optional<NumericDateFormat> of(String pattern) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      if (c == 'd' || c == 'M') {
        if (run > 2) {
          return Optional.empty();
        }
        parts.add(new Part(c, run, '\0'));
      } else if (c == 'y') {
        if (run != 4) {
          return Optional.empty();
        }
        parts.add(new Part(c, run, '\0'));
      } else if (Character.isLetter(c) || c == '\'') {
        return Optional.empty();
      } else {
        for (int k = 0; k < run; k++) {
          parts.add(new Part('\0', 0, c));
        }
      }
      i += run;
    }
    return Optional.of(new NumericDateFormat(parts));
  }

  /** The date as text; years outside 1000-9999 are the caller's to avoid. */
  String format(LocalDate date) {
    StringBuilder out = new StringBuilder(10);
    for (Part part : parts) {
      switch (part.field()) {
        case 'd' -> digits(out, date.getDayOfMonth(), part.width());
        case 'M' -> digits(out, date.getMonthValue(), part.width());
        case 'y' -> digits(out, date.getYear(), 4);
        default -> out.append(part.literal());
      }
    }
    return out.toString();
  }

  private static void digits(StringBuilder out, int value, int width) {
    if (width == 2 && value < 10) {
      out.append('0');
    }
    out.append(value);
  }
}
