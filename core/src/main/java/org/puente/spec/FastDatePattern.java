package org.puente.spec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A fast path for the fixed-width numeric date patterns exports use ({@code dd/MM/yyyy}, {@code
 * yyyy-MM-dd}, {@code ddMMyyyy} ...): digits are read at fixed positions and the date is checked by
 * {@link LocalDate#of}, which refuses 31/02 as strict {@code java.time} parsing does. A date is
 * parsed on every row for every date column, and this is several times faster than a formatter.
 * Other patterns fall back to {@code DateTimeFormatter}.
 */
final class FastDatePattern {

  private final int length;
  private final int dayAt;
  private final int monthAt;
  private final int yearAt;
  private final char[] literals;

  private FastDatePattern(int length, int dayAt, int monthAt, int yearAt, char[] literals) {
    this.length = length;
    this.dayAt = dayAt;
    this.monthAt = monthAt;
    this.yearAt = yearAt;
    this.literals = literals;
  }

  /** The fast parser for a pattern made of dd, MM, yyyy and single-character separators. */
  static Optional<FastDatePattern> of(String pattern) {
    int day = pattern.indexOf("dd");
    int month = pattern.indexOf("MM");
    int year = pattern.indexOf("yyyy");
    if (day < 0 || month < 0 || year < 0) {
      return Optional.empty();
    }
    char[] literals = new char[pattern.length()];
    for (int i = 0; i < pattern.length(); i++) {
      boolean field =
          (i >= day && i < day + 2) || (i >= month && i < month + 2) || (i >= year && i < year + 4);
      char c = pattern.charAt(i);
      if (!field) {
        if (Character.isLetterOrDigit(c) || c == '\'') {
          return Optional.empty();
        }
        literals[i] = c;
      }
    }
    if (pattern.length() != 8 + countLiterals(literals)) {
      return Optional.empty();
    }
    return Optional.of(new FastDatePattern(pattern.length(), day, month, year, literals));
  }

  private static int countLiterals(char[] literals) {
    int count = 0;
    for (char c : literals) {
      if (c != 0) {
        count++;
      }
    }
    return count;
  }

  /** The date, or null if the text does not fit the pattern or names no real day. */
  LocalDate parse(String text) {
    if (text.length() != length) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char expected = literals[i];
      if (expected != 0 && text.charAt(i) != expected) {
        return null;
      }
    }
    int day = digits(text, dayAt, 2);
    int month = digits(text, monthAt, 2);
    int year = digits(text, yearAt, 4);
    if (day < 0 || month < 0 || year < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
