package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.random.RandomGenerator;
import org.puente.residence.TwelveSixteenRule;

/**
 * The simulated months, and the truth horizon after them: movements are simulated until {@code
 * horizon} (16-month window after the last day) so that every exported crossing has a final
 * 12/16-month class, while exports stop at {@code end}.
 */
public record Period(LocalDate start, LocalDate end, LocalDate horizon) {

  public Period {
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(horizon, "horizon is null");
    if (end.isBefore(start) || horizon.isBefore(end)) {
      throw new IllegalArgumentException("period out of order");
    }
  }

  public static Period of(YearMonth from, YearMonth to) {
    LocalDate end = to.atEndOfMonth();
    return new Period(from.atDay(1), end, end.plusDays(TwelveSixteenRule.WINDOW_DAYS));
  }

  public long days() {
    return end.toEpochDay() - start.toEpochDay() + 1;
  }

  public double years() {
    return days() / 365.25;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** A uniformly drawn day of the exported period. */
  public LocalDate anyDay(RandomGenerator random) {
    return start.plusDays(random.nextLong(days()));
  }
}
