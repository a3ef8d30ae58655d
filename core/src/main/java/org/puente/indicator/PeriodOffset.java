package org.puente.indicator;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shift of the period a cell is read for, e.g. {@code -1y} for the same period a year before
 * (year-on-year change). Periods are the cubes' codes: {@code 2024}, {@code 2024-Q1}, {@code
 * 2024-03}. Years shift any period; quarters shift quarters and months; months shift only months.
 *
 * @param amount how many units, negative for the past
 * @param unit {@code y}, {@code q} or {@code m}
 */
public record PeriodOffset(int amount, char unit) {

  private static final Pattern TEXT = Pattern.compile("([+-]?\\d{1,3})([yqm])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  public PeriodOffset {
    if (unit != 'y' && unit != 'q' && unit != 'm') {
      throw new IllegalArgumentException("offset unit must be y, q or m: " + unit);
    }
  }

  /** Parses {@code -1y}, {@code -4q}, {@code -12m}; empty when the text is none of these. */
  public static Optional<PeriodOffset> parse(String text) {
    Matcher matcher = TEXT.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new PeriodOffset(Integer.parseInt(matcher.group(1)), matcher.group(2).charAt(0)));
  }

  /**
   * The period code {@code period} shifted by this offset, or empty when the code is not a period
   * this offset can shift (a month offset on a year).
   */
  public Optional<String> apply(String period) {
    Matcher year = YEAR.matcher(period);
    if (year.matches()) {
      return unit == 'y'
          ? Optional.of(String.valueOf(Integer.parseInt(period) + amount))
          : Optional.empty();
    }
    Matcher quarter = QUARTER.matcher(period);
    if (quarter.matches()) {
      if (unit == 'm') {
        return Optional.empty();
      }
      int index =
          Integer.parseInt(quarter.group(1)) * 4
              + Integer.parseInt(quarter.group(2))
              - 1
              + (unit == 'y' ? amount * 4 : amount);
      return Optional.of(Math.floorDiv(index, 4) + "-Q" + (Math.floorMod(index, 4) + 1));
    }
    Matcher month = MONTH.matcher(period);
    if (month.matches()) {
      int months =
          switch (unit) {
            case 'y' -> amount * 12;
            case 'q' -> amount * 3;
            default -> amount;
          };
      return Optional.of(YearMonth.parse(period).plusMonths(months).toString());
    }
    return Optional.empty();
  }

  /** The calendar year of a period code ({@code 2024}, {@code 2024-Q1}, {@code 2024-03}). */
  public static Optional<Integer> yearOf(String period) {
    if (YEAR.matcher(period).matches()
        || QUARTER.matcher(period).matches()
        || MONTH.matcher(period).matches()) {
      return Optional.of(Integer.parseInt(period.substring(0, 4)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return (amount > 0 ? "+" : "") + amount + unit;
  }
}
