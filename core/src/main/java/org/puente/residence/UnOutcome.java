package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A crossing classified by the UN duration-based definitions.
 *
 * @param recordId the crossing's record
 * @param date its day
 * @param direction arrival or departure
 * @param residentBefore whether the traveller was resident before it
 * @param residenceBasis where that status came from
 * @param unClass the class, {@link UnMigrantClass#PROVISIONAL} when the duration may still grow
 * @param atLeast the class reached so far (equal to {@code unClass} when final)
 * @param durationDays length of the stay (arrival) or absence (departure): days from the crossing
 *     to the first day at whose end the traveller is out of (back in) the country; when not
 *     complete, the days so far up to the observation end date, inclusive
 * @param durationComplete whether the stay or absence ended by the observation end date
 * @param dependsOnProvisional whether an earlier crossing was provisional
 */
public record UnOutcome(
    long recordId,
    LocalDate date,
    Direction direction,
    boolean residentBefore,
    ResidenceBasis residenceBasis,
    UnMigrantClass unClass,
    UnMigrantClass atLeast,
    int durationDays,
    boolean durationComplete,
    boolean dependsOnProvisional) {

  public UnOutcome {
    requireNonNull(date, "date is null");
    requireNonNull(direction, "direction is null");
    requireNonNull(residenceBasis, "residenceBasis is null");
    requireNonNull(unClass, "unClass is null");
    requireNonNull(atLeast, "atLeast is null");
    if (atLeast == UnMigrantClass.PROVISIONAL) {
      throw new IllegalArgumentException("atLeast is PROVISIONAL");
    }
    if (unClass != UnMigrantClass.PROVISIONAL && unClass != atLeast) {
      throw new IllegalArgumentException("a final class is its own lower bound");
    }
    if (durationDays < 0) {
      throw new IllegalArgumentException("durationDays is negative: " + durationDays);
    }
  }

  public boolean isFinal() {
    return unClass != UnMigrantClass.PROVISIONAL;
  }
}
