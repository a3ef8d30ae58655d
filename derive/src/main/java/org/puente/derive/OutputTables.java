package org.puente.derive;

import org.puente.lake.table.TableLayout;
import org.puente.residence.Stay;

/**
 * The tables a derivation run writes into the lake, partitioned like the records by event kind,
 * reporting country and month. They hold no identifier: records are named by their submission and
 * source line (and the source's own record reference), travellers by a number.
 */
public final class OutputTables {

  /**
   * One row per linked record of every kind: its traveller, and for a crossing its 12/16-month
   * class, for a return the time abroad.
   */
  public static final String HISTORIES = "histories";

  /** One row per stay in the country: an arrival and the departure that ended it, if seen. */
  public static final String STAYS = "stays";

  public static final TableLayout HISTORIES_LAYOUT =
      TableLayout.of(
          "event_date",
          "submission_id BIGINT",
          "source_line BIGINT",
          "record_id VARCHAR",
          "reporting_country VARCHAR",
          "event_kind VARCHAR",
          "event_date DATE",
          "direction VARCHAR",
          "port VARCHAR",
          "citizenship VARCHAR",
          "traveller_id BIGINT",
          // MIGRANT_ARRIVAL, NON_MIGRANT_ARRIVAL, MIGRANT_DEPARTURE, NON_MIGRANT_DEPARTURE or
          // PROVISIONAL for a crossing; null for other kinds.
          "class VARCHAR",
          // For a provisional crossing, the class predicted from earlier final outcomes and its
          // probability in thousandths.
          "predicted_class VARCHAR",
          "predicted_permille INTEGER",
          // Whether the person was counted resident before the crossing.
          "resident_before BOOLEAN",
          // The UN duration-based class of a crossing (LONG_TERM, SHORT_TERM, NOT_MIGRANT or
          // PROVISIONAL), beside the 12/16-month class.
          "un_class VARCHAR",
          // For a return of a national: days since the departure it ends, when one is seen.
          "days_abroad INTEGER",
          // For a crossing without its partner, why (UnmatchedCrossing.Reason); null otherwise.
          "unmatched VARCHAR");

  /** One row per traveller: the extent of the history and the rolling-limit check. */
  public static final String TRAVELLERS = "travellers";

  public static final TableLayout TRAVELLERS_LAYOUT =
      TableLayout.of(
          "first_date",
          "traveller_id BIGINT",
          "reporting_country VARCHAR",
          "first_date DATE",
          "last_date DATE",
          "records INTEGER",
          "crossings INTEGER",
          "citizenship VARCHAR",
          // The most days present in any window of the run's rolling limit (90 in 180 by
          // default), the days over the limit and the first day over it.
          "rolling_max_days INTEGER",
          "rolling_days_over INTEGER",
          "rolling_first_day_over DATE");

  public static final TableLayout STAYS_LAYOUT =
      TableLayout.of(
          "arrival_date",
          "traveller_id BIGINT",
          "arrival_submission_id BIGINT",
          "arrival_source_line BIGINT",
          "arrival_date DATE",
          "arrival_port VARCHAR",
          "departure_date DATE",
          "citizenship VARCHAR",
          // Days from arrival to departure; for a stay still open, to the run's as-of date.
          "length_days INTEGER",
          "open BOOLEAN",
          "authorised_days INTEGER",
          // Days beyond the authorised stay (0 when within it; null when none was recorded).
          "overstay_days INTEGER",
          // No departure seen after the authorised end, as of the run's date (DHS in-country).
          "in_country_overstay BOOLEAN");

  private OutputTables() {}

  /**
   * A row of the stays table ({@link #STAYS_LAYOUT}'s columns, in order): the one shape both
   * engines write.
   */
  public static Object[] stayRow(long travellerId, Stay stay, String citizenship) {
    boolean hasAuthorised = stay.authorisedStayDays().isPresent();
    return new Object[] {
      travellerId,
      NodeRecord.submissionOf(stay.arrivalRecordId()),
      NodeRecord.sourceLineOf(stay.arrivalRecordId()),
      stay.arrivalDate(),
      stay.arrivalPort().orElse(null),
      stay.endDate().orElse(null),
      citizenship,
      stay.lengthDays(),
      stay.end() == Stay.End.OPEN,
      hasAuthorised ? stay.authorisedStayDays().getAsInt() : null,
      hasAuthorised ? stay.overstayDays() : null,
      stay.overstay() == Stay.Overstay.SUSPECTED_IN_COUNTRY
    };
  }
}
