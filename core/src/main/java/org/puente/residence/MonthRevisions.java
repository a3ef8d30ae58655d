package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * Revisions of the crossings of one month and direction between two runs.
 *
 * @param month the month of the crossings
 * @param direction arrivals or departures
 * @param compared crossings in both runs
 * @param revised of those, crossings whose class changed ({@code finalised + reversed})
 * @param finalised provisional before, final now
 * @param reversed final before, another class now
 * @param added crossings only in the later run
 * @param removed crossings only in the earlier run
 * @param previousExpectedMigrants sum of migrant probabilities in the earlier run
 * @param currentExpectedMigrants sum of migrant probabilities in the later run
 */
public record MonthRevisions(
    YearMonth month,
    Direction direction,
    int compared,
    int revised,
    int finalised,
    int reversed,
    int added,
    int removed,
    double previousExpectedMigrants,
    double currentExpectedMigrants) {

  public MonthRevisions {
    requireNonNull(month, "month is null");
    requireNonNull(direction, "direction is null");
    if (revised != finalised + reversed || revised > compared) {
      throw new IllegalArgumentException("inconsistent revision counts");
    }
  }
}
