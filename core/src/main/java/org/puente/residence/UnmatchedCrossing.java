package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A crossing without its partner: where ports without exit control, irregular crossings and missed
 * records show.
 *
 * @param recordId the crossing's record
 * @param date its day
 * @param direction arrival or departure
 * @param port its port, if recorded
 * @param counterpartCountry the country travelled from or to, if recorded
 * @param reason what is missing
 */
public record UnmatchedCrossing(
    long recordId,
    LocalDate date,
    Direction direction,
    Optional<String> port,
    Optional<String> counterpartCountry,
    Reason reason) {

  /** What is missing. */
  public enum Reason {
    /** An arrival followed by another arrival: its departure was not recorded. */
    ARRIVAL_FOLLOWED_BY_ARRIVAL,
    /** A departure after another departure: the arrival in between was not recorded. */
    DEPARTURE_AFTER_DEPARTURE,
    /**
     * The traveller's first crossing is a departure: the arrival is before the observed records (a
     * resident's first trip) or was not recorded.
     */
    FIRST_CROSSING_IS_DEPARTURE
  }

  public UnmatchedCrossing {
    requireNonNull(date, "date is null");
    requireNonNull(direction, "direction is null");
    requireNonNull(port, "port is null");
    requireNonNull(counterpartCountry, "counterpartCountry is null");
    requireNonNull(reason, "reason is null");
    if ((direction == Direction.ARRIVAL) != (reason == Reason.ARRIVAL_FOLLOWED_BY_ARRIVAL)) {
      throw new IllegalArgumentException(reason + " does not fit a " + direction);
    }
  }
}
