package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 12/16-month rule over one traveller's time-ordered crossings (UN DESA, Recommendations on
 * Statistics of International Migration, Rev.2, 2021; Stats NZ's outcomes-based measure).
 *
 * <p>Exact definition used by Puente:
 *
 * <ul>
 *   <li>Location. On any day the last crossing on or before it decides: after an arrival into C the
 *       person is in C; after a departure from C the person is in none of the observed countries.
 *       Same-day crossings count in the order given, so callers put a departure before the arrival
 *       it leads to. A day counts as present when the person is in C at its end.
 *   <li>Residence. {@code initialResidence} is the country of usual residence before the first
 *       crossing (empty: none of the observed countries); a person has at most one.
 *   <li>Window. A crossing on day d looks at the days {@code [d, d.plusMonths(16))}: 16 calendar
 *       months, end exclusive (485 to {@value #WINDOW_DAYS} days; a crossing on the 29th–31st of a
 *       month whose 16th month after is shorter ends on that month's last day, exclusive).
 *   <li>Arrival into C of a person not resident in C: long-term when the person is in C on at least
 *       {@value #THRESHOLD_DAYS} days of the window (12 months); C becomes the (single) country of
 *       usual residence. Arrival of a resident of C: short-term (a return from a trip).
 *   <li>Departure from C of a resident of C: long-term when the person is away from C on at least
 *       {@value #THRESHOLD_DAYS} days of the window; the person then has no usual residence among
 *       the observed countries until a long-term arrival. Departure of a non-resident: short-term.
 *   <li>Censoring. Days after {@code observationEnd} are unknown. When the window runs past it, the
 *       class is still decided if the days seen reach the threshold (long-term) or cannot reach it
 *       even if every unseen day counted (short-term); otherwise it is {@link
 *       MigrationClass#PROVISIONAL}, the residence becomes unknown, and every later crossing is
 *       provisional too.
 * </ul>
 *
 * <p>The function is pure and linear in the number of crossings times the crossings inside one
 * window; {@code TwelveSixteenRuleTest} checks it against a day-by-day reference.
 */
public final class TwelveSixteenRule {

  /** The window in calendar months. */
  public static final int WINDOW_MONTHS = 16;

  /**
   * The longest window of {@value #WINDOW_MONTHS} calendar months, in days (a window holding a 29
   * February and July to October): a crossing on day d is final once the days up to d + {@value
   * #WINDOW_DAYS} - 1 are known.
   */
  public static final int WINDOW_DAYS = 489;

  /** Twelve months, in days. */
  public static final int THRESHOLD_DAYS = 365;

  private TwelveSixteenRule() {}

  /**
   * Classifies each crossing.
   *
   * @param initialResidence country of usual residence before the first crossing, if any
   * @param crossings one traveller's crossings, ordered by date (same day: in the order they
   *     happened)
   * @param observationEnd the last day whose location is known
   * @return one classified crossing per crossing, in the same order
   */
  public static List<ClassifiedCrossing> classify(
      Optional<String> initialResidence, List<Crossing> crossings, LocalDate observationEnd) {
    requireNonNull(initialResidence, "initialResidence is null");
    requireNonNull(crossings, "crossings is null");
    requireNonNull(observationEnd, "observationEnd is null");
    long end = observationEnd.toEpochDay();
    int n = crossings.size();
    long[] days = new long[n];
    for (int i = 0; i < n; i++) {
      days[i] = crossings.get(i).date().toEpochDay();
      if (i > 0 && days[i] < days[i - 1]) {
        throw new IllegalArgumentException("crossings are not in time order at index " + i);
      }
    }
    List<ClassifiedCrossing> result = new ArrayList<>(n);
    Optional<String> residence = initialResidence;
    boolean unknown = false;
    for (int i = 0; i < n; i++) {
      Crossing crossing = crossings.get(i);
      if (unknown) {
        result.add(
            new ClassifiedCrossing(crossing, MigrationClass.PROVISIONAL, Optional.empty(), 0));
        continue;
      }
      String country = crossing.country();
      boolean resident = residence.filter(country::equals).isPresent();
      boolean arrival = crossing.direction() == Direction.ARRIVAL;
      long windowStart = days[i];
      long windowEnd = crossing.date().plusMonths(WINDOW_MONTHS).toEpochDay() - 1;
      long observedEnd = Math.min(windowEnd, end);
      int observedDays = (int) Math.max(0, observedEnd - windowStart + 1);
      int present = presentDays(crossings, days, i, country, windowStart, observedEnd);
      int counted = arrival ? present : observedDays - present;
      int unseen = (int) (windowEnd - windowStart + 1) - observedDays;
      boolean candidate = arrival != resident;
      MigrationClass migrationClass;
      if (!candidate) {
        migrationClass = MigrationClass.SHORT_TERM;
      } else if (counted >= THRESHOLD_DAYS) {
        migrationClass = MigrationClass.LONG_TERM;
      } else if (counted + unseen < THRESHOLD_DAYS) {
        migrationClass = MigrationClass.SHORT_TERM;
      } else {
        migrationClass = MigrationClass.PROVISIONAL;
      }
      result.add(new ClassifiedCrossing(crossing, migrationClass, residence, counted));
      if (migrationClass == MigrationClass.LONG_TERM) {
        residence = arrival ? Optional.of(country) : Optional.empty();
      } else if (migrationClass == MigrationClass.PROVISIONAL) {
        unknown = true;
      }
    }
    return result;
  }

  /**
   * Days in {@code [from, to]} on which the person is in {@code country}, given that crossing
   * {@code index} happens on day {@code from}: the location there is set by the last crossing of
   * that day, and later crossings change it.
   */
  private static int presentDays(
      List<Crossing> crossings, long[] days, int index, String country, long from, long to) {
    if (to < from) {
      return 0;
    }
    int n = crossings.size();
    int i = index;
    while (i + 1 < n && days[i + 1] == from) {
      i++;
    }
    boolean inCountry = isIn(crossings.get(i), country);
    long segmentStart = from;
    int present = 0;
    for (int j = i + 1; j < n && days[j] <= to; j++) {
      // The location changes on days[j]; the last crossing of that day decides.
      while (j + 1 < n && days[j + 1] == days[j]) {
        j++;
      }
      if (inCountry) {
        present += (int) (days[j] - segmentStart);
      }
      segmentStart = days[j];
      inCountry = isIn(crossings.get(j), country);
    }
    if (inCountry) {
      present += (int) (to - segmentStart + 1);
    }
    return present;
  }

  private static boolean isIn(Crossing crossing, String country) {
    return crossing.direction() == Direction.ARRIVAL && crossing.country().equals(country);
  }
}
