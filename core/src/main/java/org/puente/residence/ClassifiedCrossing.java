package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A crossing with its 12/16-month class.
 *
 * @param crossing the crossing as given
 * @param migrationClass its class
 * @param residenceBefore the country of usual residence just before the crossing, empty when none
 *     of the observed countries (or unknown after a provisional crossing)
 * @param daysCounted days present (arrival) or absent (departure) counted in the window, up to the
 *     end of observation
 */
public record ClassifiedCrossing(
    Crossing crossing,
    MigrationClass migrationClass,
    Optional<String> residenceBefore,
    int daysCounted) {

  public ClassifiedCrossing {
    requireNonNull(crossing, "crossing is null");
    requireNonNull(migrationClass, "migrationClass is null");
    requireNonNull(residenceBefore, "residenceBefore is null");
    if (daysCounted < 0 || daysCounted > TwelveSixteenRule.WINDOW_DAYS) {
      throw new IllegalArgumentException("daysCounted out of range: " + daysCounted);
    }
  }

  /** Whether the crossing made the person a resident of the country entered. */
  public boolean immigration() {
    return migrationClass == MigrationClass.LONG_TERM && crossing.direction() == Direction.ARRIVAL;
  }

  /** Whether the crossing ended the person's residence in the country left. */
  public boolean emigration() {
    return migrationClass == MigrationClass.LONG_TERM
        && crossing.direction() == Direction.DEPARTURE;
  }
}
