package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The UN duration-based migrant definitions as an alternative to the 12/16-month rule: a
 * non-resident's arrival is long-term when the actual stay lasts at least a year, short-term when
 * it lasts three months to a year; a resident's departure likewise by the length of the absence.
 * Only long-term crossings change the residence status; before a crossing it follows the last
 * long-term crossing, else the same evidence as {@link ResidenceClassifier}.
 *
 * <p>At {@code asOf} a stay still going on is long-term (final) once it has lasted the long-term
 * threshold; otherwise it is provisional, with the class reached so far, and every later crossing
 * is provisional too. The purposes the UN definitions exclude (holiday, business, treatment,
 * pilgrimage) are not in the records and are not excluded.
 */
public final class UnDurationClassifier {

  private UnDurationClassifier() {}

  /**
   * Classifies every border crossing of one traveller.
   *
   * @param history the traveller's records in one country, ordered by (eventSecond, recordId);
   *     records after {@code asOf} are ignored
   * @param asOf the observation end date
   * @param durations the thresholds
   * @param rules where the residence status comes from (its evidence settings)
   */
  public static List<UnOutcome> classify(
      List<HistoryEvent> history, LocalDate asOf, UnDurationRules durations, ResidenceRules rules) {
    requireNonNull(durations, "durations is null");
    requireNonNull(rules, "rules is null");
    CrossingSequence sequence = new CrossingSequence(history, asOf);
    int n = sequence.size();
    List<UnOutcome> result = new ArrayList<>(n);
    Boolean residentAfterLongTerm = null;
    boolean dependent = false;
    for (int i = 0; i < n; i++) {
      HistoryEvent crossing = sequence.crossings[i];
      boolean arrival = sequence.arrival[i];
      boolean resident;
      ResidenceBasis basis;
      if (residentAfterLongTerm != null) {
        resident = residentAfterLongTerm;
        basis = ResidenceBasis.MIGRANT_CROSSING;
      } else {
        ResidenceClassifier.Evidence evidence = ResidenceClassifier.Evidence.at(sequence, i, rules);
        resident = evidence.resident();
        basis = evidence.basis();
      }
      // The stay after an arrival ends on the first day ending outside; an absence, inside.
      long end = sequence.firstDayEnding(i, !arrival);
      boolean complete = end >= 0;
      int duration =
          (int) (complete ? end - sequence.days[i] : sequence.asOf - sequence.days[i] + 1);
      boolean candidate = arrival != resident;
      UnMigrantClass reached;
      if (!candidate || duration < durations.shortTermDays()) {
        reached = UnMigrantClass.NOT_MIGRANT;
      } else if (duration < durations.longTermDays()) {
        reached = UnMigrantClass.SHORT_TERM;
      } else {
        reached = UnMigrantClass.LONG_TERM;
      }
      boolean provisional =
          dependent || (candidate && !complete && reached != UnMigrantClass.LONG_TERM);
      result.add(
          new UnOutcome(
              crossing.recordId(),
              crossing.date(),
              crossing.direction(),
              resident,
              basis,
              provisional ? UnMigrantClass.PROVISIONAL : reached,
              reached,
              duration,
              complete,
              dependent));
      if (candidate && reached == UnMigrantClass.LONG_TERM) {
        residentAfterLongTerm = arrival;
      }
      dependent |= provisional;
    }
    return result;
  }
}
