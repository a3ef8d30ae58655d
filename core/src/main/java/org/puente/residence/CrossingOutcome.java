package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The single-country 12/16-month outcome of one crossing at an observation end date.
 *
 * @param recordId the crossing's record
 * @param date its day
 * @param direction arrival or departure
 * @param port its port, if recorded
 * @param residentBefore whether the traveller was resident just before the crossing (after a
 *     provisional crossing: under the predicted classes)
 * @param residenceBasis where that status came from
 * @param residenceClass the class, {@link ResidenceClass#PROVISIONAL} when not decided
 * @param predictedClass the class when final; otherwise the more probable class
 * @param migrantProbability probability of a migrant class: 1 or 0 when final, the model's estimate
 *     otherwise
 * @param dependsOnProvisional whether an earlier crossing was provisional, so that the status
 *     before this one is itself a prediction (such a crossing is always provisional)
 * @param daysCounted days present (arrival) or absent (departure) in the window up to the
 *     observation end date
 * @param daysObserved days of the window up to the observation end date
 * @param windowEnd the first day after the window ({@code date.plusMonths(windowMonths)})
 */
public record CrossingOutcome(
    long recordId,
    LocalDate date,
    Direction direction,
    Optional<String> port,
    boolean residentBefore,
    ResidenceBasis residenceBasis,
    ResidenceClass residenceClass,
    ResidenceClass predictedClass,
    double migrantProbability,
    boolean dependsOnProvisional,
    int daysCounted,
    int daysObserved,
    LocalDate windowEnd) {

  public CrossingOutcome {
    requireNonNull(date, "date is null");
    requireNonNull(direction, "direction is null");
    requireNonNull(port, "port is null");
    requireNonNull(residenceBasis, "residenceBasis is null");
    requireNonNull(residenceClass, "residenceClass is null");
    requireNonNull(predictedClass, "predictedClass is null");
    requireNonNull(windowEnd, "windowEnd is null");
    if (predictedClass == ResidenceClass.PROVISIONAL) {
      throw new IllegalArgumentException("predictedClass is PROVISIONAL");
    }
    if (residenceClass != ResidenceClass.PROVISIONAL && residenceClass != predictedClass) {
      throw new IllegalArgumentException("a final class must be its own prediction");
    }
    if (ResidenceClass.of(direction, predictedClass.isMigrant()) != predictedClass) {
      throw new IllegalArgumentException(predictedClass + " does not fit a " + direction);
    }
    if (!(migrantProbability >= 0 && migrantProbability <= 1)) {
      throw new IllegalArgumentException("migrantProbability out of [0, 1]: " + migrantProbability);
    }
    if (dependsOnProvisional && residenceClass != ResidenceClass.PROVISIONAL) {
      throw new IllegalArgumentException("a crossing after a provisional one is provisional");
    }
    if (daysCounted < 0 || daysCounted > daysObserved || daysObserved < 0) {
      throw new IllegalArgumentException("days out of range: " + daysCounted + "/" + daysObserved);
    }
  }

  /** Whether the class can no longer change with later records. */
  public boolean isFinal() {
    return residenceClass != ResidenceClass.PROVISIONAL;
  }

  /** The month of the crossing, the unit of revisions. */
  public YearMonth month() {
    return YearMonth.from(date);
  }
}
