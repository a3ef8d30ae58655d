package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A return of a national linked to the same traveller's earlier departure.
 *
 * @param returnRecordId the return's record
 * @param returnDate its day
 * @param returnedFrom the country returned from, if recorded
 * @param status whether a departure was linked, and if not, why
 * @param departureRecordId the linked departure
 * @param departureDate its day
 * @param daysAbroad return day minus departure day
 */
public record ReturnLink(
    long returnRecordId,
    LocalDate returnDate,
    Optional<String> returnedFrom,
    Status status,
    OptionalLong departureRecordId,
    Optional<LocalDate> departureDate,
    OptionalInt daysAbroad) {

  /** Whether a departure was linked. */
  public enum Status {
    /** The last crossing before the return's day is a departure. */
    LINKED,
    /** No crossing before the return's day is a departure. */
    NO_EARLIER_DEPARTURE,
    /**
     * The last crossing before the return's day is an arrival: the traveller was recorded back in
     * the country after the last departure, so the departure that led to the return was not
     * recorded (an irregular exit).
     */
    ARRIVAL_SINCE_LAST_DEPARTURE
  }

  public ReturnLink {
    requireNonNull(returnDate, "returnDate is null");
    requireNonNull(returnedFrom, "returnedFrom is null");
    requireNonNull(status, "status is null");
    requireNonNull(departureRecordId, "departureRecordId is null");
    requireNonNull(departureDate, "departureDate is null");
    requireNonNull(daysAbroad, "daysAbroad is null");
    boolean linked = status == Status.LINKED;
    if (linked == departureRecordId.isEmpty()
        || linked == departureDate.isEmpty()
        || linked == daysAbroad.isEmpty()) {
      throw new IllegalArgumentException("a linked return, and only a linked one, has a departure");
    }
  }
}
