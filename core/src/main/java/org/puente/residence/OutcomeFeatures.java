package org.puente.residence;

import static java.util.Objects.requireNonNull;

/**
 * What is known about an undecided crossing at an observation end date, the cell of the
 * provisional-outcome model ({@link MigrantRateModel}).
 *
 * @param direction arrival or departure
 * @param national whether the traveller is a national of the reporting country
 * @param elapsedBand whole 30-day periods from the crossing to the observation end date (0–16)
 * @param stillThere whether the traveller is still in the country (arrival) or still abroad
 *     (departure) at the end of the observation end date
 * @param countedBand days counted so far (present after an arrival, absent after a departure) in
 *     whole 30-day periods (0–16)
 * @param authorisedBand authorised stay of an arrival: 0 none, 1 up to 30 days, 2 up to 90, 3 up to
 *     180, 4 up to 365, 5 longer
 */
public record OutcomeFeatures(
    Direction direction,
    boolean national,
    int elapsedBand,
    boolean stillThere,
    int countedBand,
    int authorisedBand) {

  static final int MAX_BAND = 16;
  static final int BAND_DAYS = 30;

  public OutcomeFeatures {
    requireNonNull(direction, "direction is null");
    if (elapsedBand < 0 || elapsedBand > MAX_BAND) {
      throw new IllegalArgumentException("elapsedBand out of range: " + elapsedBand);
    }
    if (countedBand < 0 || countedBand > MAX_BAND) {
      throw new IllegalArgumentException("countedBand out of range: " + countedBand);
    }
    if (authorisedBand < 0 || authorisedBand > 5) {
      throw new IllegalArgumentException("authorisedBand out of range: " + authorisedBand);
    }
  }

  static int band(long days) {
    return (int) Math.min(MAX_BAND, days / BAND_DAYS);
  }

  static int authorisedBand(Integer days) {
    if (days == null) {
      return 0;
    } else if (days <= 30) {
      return 1;
    } else if (days <= 90) {
      return 2;
    } else if (days <= 180) {
      return 3;
    } else if (days <= 365) {
      return 4;
    }
    return 5;
  }
}
