package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One stay in the country: an arrival and what ends it.
 *
 * @param arrivalRecordId the arrival's record
 * @param arrivalDate its day
 * @param arrivalPort its port, if recorded
 * @param end how the stay ends
 * @param endRecordId the departure ({@link End#DEPARTED}) or the next arrival ({@link
 *     End#DEPARTURE_MISSING}); empty when {@link End#OPEN}
 * @param endDate that record's day
 * @param lengthDays departure day minus arrival day (nights) when departed; when open, the days so
 *     far ({@code asOf - arrival + 1}, the shortest the stay can be); when the departure is
 *     missing, the days to the next arrival (the longest it can have been)
 * @param authorisedStayDays the stay authorised at the arrival, if recorded
 * @param authorisedUntil the last day on which leaving is within the authorised stay: {@code
 *     arrival + authorisedStayDays}
 * @param overstay whether and how the authorised stay was exceeded
 * @param overstayDays days beyond {@code authorisedUntil} (so far, when in the country); 0 when
 *     none or unknown
 */
public record Stay(
    long arrivalRecordId,
    LocalDate arrivalDate,
    Optional<String> arrivalPort,
    End end,
    OptionalLong endRecordId,
    Optional<LocalDate> endDate,
    int lengthDays,
    OptionalInt authorisedStayDays,
    Optional<LocalDate> authorisedUntil,
    Overstay overstay,
    int overstayDays) {

  /** How a stay ends. */
  public enum End {
    /** A departure follows the arrival. */
    DEPARTED,
    /** No later crossing: the traveller is in the country at the observation end date. */
    OPEN,
    /** Another arrival follows: the departure in between was not recorded. */
    DEPARTURE_MISSING
  }

  /** Overstay status in the terms of the US DHS Entry/Exit Overstay Report. */
  public enum Overstay {
    /** Left, or still within the authorised stay. */
    NONE,
    /** Left after the authorised stay had ended ("out-of-country overstay"). */
    OUT_OF_COUNTRY,
    /** No departure seen and the authorised stay has ended ("suspected in-country overstay"). */
    SUSPECTED_IN_COUNTRY,
    /** The departure is missing and the next arrival is after the authorised stay ended. */
    UNDETERMINED,
    /** The arrival records no authorised stay. */
    NO_AUTHORISED_STAY
  }

  public Stay {
    requireNonNull(arrivalDate, "arrivalDate is null");
    requireNonNull(arrivalPort, "arrivalPort is null");
    requireNonNull(end, "end is null");
    requireNonNull(endRecordId, "endRecordId is null");
    requireNonNull(endDate, "endDate is null");
    requireNonNull(authorisedStayDays, "authorisedStayDays is null");
    requireNonNull(authorisedUntil, "authorisedUntil is null");
    requireNonNull(overstay, "overstay is null");
    if ((end == End.OPEN) != endDate.isEmpty() || endDate.isEmpty() != endRecordId.isEmpty()) {
      throw new IllegalArgumentException("an open stay, and only an open stay, has no end record");
    }
    if (lengthDays < 0 || overstayDays < 0) {
      throw new IllegalArgumentException("negative days: " + lengthDays + ", " + overstayDays);
    }
    if (authorisedStayDays.isEmpty() != (overstay == Overstay.NO_AUTHORISED_STAY)) {
      throw new IllegalArgumentException("overstay status disagrees with the authorised stay");
    }
  }
}
