package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 12/16-month rule from one country's point of view, over one traveller's records in that
 * country (UN DESA Recommendations on Statistics of International Migration, Rev.2; Stats NZ's
 * outcomes-based migration measure). The exact definition is in {@code docs/RESIDENCE.md}.
 *
 * <p>In short: a crossing on day d looks at the days {@code [d, d.plusMonths(16))}; a day counts as
 * present when the traveller is in the country at its end ({@link CrossingSequence}). An arrival of
 * a non-resident is a migrant arrival when present on at least 365 of those days; a departure of a
 * resident is a migrant departure when absent on at least 365. Residence before a crossing follows
 * the last migrant crossing, else {@link ResidenceRules#evidence()}. At {@code asOf}, a class that
 * later days can no longer change is final; otherwise it is provisional, with a prediction from a
 * {@link MigrantRateModel}, and every later crossing is provisional too.
 */
public final class ResidenceClassifier {

  private ResidenceClassifier() {}

  /**
   * Classifies every border crossing of one traveller.
   *
   * @param history the traveller's records in one country, ordered by (eventSecond, recordId);
   *     records after {@code asOf} are ignored
   * @param asOf the observation end date: the last day whose records are known
   * @param rules the settings
   * @param model predicts undecided outcomes
   * @return one outcome per crossing up to {@code asOf}, in the order of {@link CrossingSequence}
   */
  public static List<CrossingOutcome> classify(
      List<HistoryEvent> history, LocalDate asOf, ResidenceRules rules, MigrantRateModel model) {
    requireNonNull(rules, "rules is null");
    requireNonNull(model, "model is null");
    return classify(new CrossingSequence(history, asOf), rules, model);
  }

  /**
   * The model's training cases from one traveller: every final migrant-candidate crossing (an
   * arrival of a non-resident, a departure of a resident) whose window closed on or before {@code
   * asOf}, looked at again 15, 45, 75, … days after the crossing while it was still undecided then.
   */
  public static List<TrainingCase> trainingCases(
      List<HistoryEvent> history, LocalDate asOf, ResidenceRules rules) {
    requireNonNull(rules, "rules is null");
    CrossingSequence sequence = new CrossingSequence(history, asOf);
    List<CrossingOutcome> outcomes = classify(sequence, rules, MigrantRateModel.uninformed());
    List<TrainingCase> cases = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      CrossingOutcome outcome = outcomes.get(i);
      boolean candidate = sequence.arrival[i] != outcome.residentBefore();
      long windowLast = outcome.windowEnd().toEpochDay() - 1;
      if (!outcome.isFinal() || !candidate || windowLast > sequence.asOf) {
        continue;
      }
      for (int band = 0; band <= OutcomeFeatures.MAX_BAND; band++) {
        long seen = sequence.days[i] + (long) band * OutcomeFeatures.BAND_DAYS + 15;
        if (seen >= windowLast) {
          break;
        }
        Window window = Window.at(sequence, i, seen, rules);
        if (window.decision(rules) == null) {
          cases.add(
              new TrainingCase(
                  features(sequence, i, seen, window), outcome.predictedClass().isMigrant()));
        }
      }
    }
    return cases;
  }

  private static List<CrossingOutcome> classify(
      CrossingSequence sequence, ResidenceRules rules, MigrantRateModel model) {
    int n = sequence.size();
    List<CrossingOutcome> result = new ArrayList<>(n);
    Boolean residentAfterMigrant = null;
    boolean dependent = false;
    for (int i = 0; i < n; i++) {
      HistoryEvent crossing = sequence.crossings[i];
      Direction direction = crossing.direction();
      boolean arrival = sequence.arrival[i];
      boolean resident;
      ResidenceBasis basis;
      if (residentAfterMigrant != null) {
        resident = residentAfterMigrant;
        basis = ResidenceBasis.MIGRANT_CROSSING;
      } else {
        Evidence evidence = Evidence.at(sequence, i, rules);
        resident = evidence.resident();
        basis = evidence.basis();
      }
      Window window = Window.at(sequence, i, sequence.asOf, rules);
      boolean candidate = arrival != resident;
      Boolean decided = candidate ? window.decision(rules) : Boolean.FALSE;
      double probability;
      if (decided != null) {
        probability = decided ? 1.0 : 0.0;
      } else {
        probability = model.probability(features(sequence, i, sequence.asOf, window));
      }
      ResidenceClass predicted = ResidenceClass.of(direction, probability >= 0.5);
      boolean provisional = dependent || decided == null;
      result.add(
          new CrossingOutcome(
              crossing.recordId(),
              crossing.date(),
              direction,
              Optional.ofNullable(crossing.port()),
              resident,
              basis,
              provisional ? ResidenceClass.PROVISIONAL : predicted,
              predicted,
              probability,
              dependent,
              window.counted,
              window.observedDays,
              window.endDate));
      if (candidate && predicted.isMigrant()) {
        residentAfterMigrant = arrival;
      }
      dependent |= provisional;
    }
    return result;
  }

  static OutcomeFeatures features(CrossingSequence sequence, int i, long seen, Window window) {
    boolean arrival = sequence.arrival[i];
    boolean inside = sequence.insideAtEndOf(seen);
    return new OutcomeFeatures(
        sequence.crossings[i].direction(),
        sequence.country.equals(sequence.citizenship[i]),
        OutcomeFeatures.band(seen - sequence.days[i]),
        arrival == inside,
        OutcomeFeatures.band(window.counted),
        arrival ? OutcomeFeatures.authorisedBand(sequence.crossings[i].authorisedStayDays()) : 0);
  }

  /** Residence status from the records when no migrant crossing decides it. */
  record Evidence(boolean resident, ResidenceBasis basis) {

    static Evidence at(CrossingSequence sequence, int i, ResidenceRules rules) {
      for (ResidenceRules.Evidence source : rules.evidence()) {
        switch (source) {
          case DECLARED_RESIDENCE -> {
            String declared = sequence.declaredResidence[i];
            if (declared != null) {
              return new Evidence(
                  declared.equals(sequence.country), ResidenceBasis.DECLARED_RESIDENCE);
            }
          }
          case CITIZENSHIP -> {
            String citizenship = sequence.citizenship[i];
            if (citizenship != null) {
              return new Evidence(citizenship.equals(sequence.country), ResidenceBasis.CITIZENSHIP);
            }
          }
        }
      }
      return new Evidence(rules.residentWhenUnknown(), ResidenceBasis.DEFAULT);
    }
  }

  /**
   * The window of crossing {@code i} as seen at the end of day {@code seen}: the days it counts
   * (present after an arrival, absent after a departure) where the records show the location, and
   * the days they leave open ({@link CrossingSequence#unknownDays}).
   */
  static final class Window {
    final LocalDate endDate;
    final int windowDays;
    final int observedDays;
    final int counted;
    final int unknown;

    private Window(LocalDate endDate, int windowDays, int observedDays, int counted, int unknown) {
      this.endDate = endDate;
      this.windowDays = windowDays;
      this.observedDays = observedDays;
      this.counted = counted;
      this.unknown = unknown;
    }

    static Window at(CrossingSequence sequence, int i, long seen, ResidenceRules rules) {
      long start = sequence.days[i];
      LocalDate endDate = sequence.crossings[i].date().plusMonths(rules.windowMonths());
      long end = endDate.toEpochDay();
      long observedEnd = Math.min(end - 1, seen);
      int observed = (int) Math.max(0, observedEnd - start + 1);
      int present = sequence.presentDays(start, observedEnd);
      int unknown = sequence.unknownDays(start, observedEnd, seen);
      // Unknown days sit inside presentDays after an arrival and outside it after a departure.
      int presentKnown = present - sequence.unknownInside(start, observedEnd, seen);
      int counted = sequence.arrival[i] ? presentKnown : observed - presentKnown - unknown;
      return new Window(endDate, (int) (end - start), observed, counted, unknown);
    }

    /**
     * TRUE: migrant whatever comes and whatever the open days were; FALSE: not, whatever comes;
     * null: not decided yet.
     */
    Boolean decision(ResidenceRules rules) {
      if (counted >= rules.thresholdDays()) {
        return Boolean.TRUE;
      }
      if (counted + unknown + (windowDays - observedDays) < rules.thresholdDays()) {
        return Boolean.FALSE;
      }
      return null;
    }
  }
}
