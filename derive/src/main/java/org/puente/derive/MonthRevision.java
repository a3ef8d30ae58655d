package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * How one month's crossings in one direction were classified by this run compared with the previous
 * one (Stats NZ publishes such revisions of its provisional migration estimates).
 *
 * @param month the month of the crossings
 * @param direction ARRIVAL or DEPARTURE
 * @param compared crossings in both runs
 * @param revised crossings whose class differs
 * @param finalised provisional before, final now
 * @param reversed final before, another final class now (a linkage change)
 * @param added crossings new in this run
 * @param previousMigrants migrants (final, or provisional weighted by probability) before
 * @param currentMigrants the same now, over the compared crossings
 */
public record MonthRevision(
    YearMonth month,
    String direction,
    long compared,
    long revised,
    long finalised,
    long reversed,
    long added,
    double previousMigrants,
    double currentMigrants) {

  public MonthRevision {
    requireNonNull(month, "month is null");
    requireNonNull(direction, "direction is null");
  }
}
