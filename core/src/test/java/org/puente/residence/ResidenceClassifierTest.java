package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.puente.residence.HistoryBuilder.FAR;
import static org.puente.residence.HistoryBuilder.day;
import static org.puente.residence.ResidenceClass.MIGRANT_ARRIVAL;
import static org.puente.residence.ResidenceClass.MIGRANT_DEPARTURE;
import static org.puente.residence.ResidenceClass.NON_MIGRANT_ARRIVAL;
import static org.puente.residence.ResidenceClass.NON_MIGRANT_DEPARTURE;
import static org.puente.residence.ResidenceClass.PROVISIONAL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written histories of one traveller in Costa Rica (CRI). Every expected number is counted by
 * hand in the comments from the definition in docs/RESIDENCE.md; day n is 2023-01-01 + n.
 */
class ResidenceClassifierTest {

  private static final ResidenceRules RULES = ResidenceRules.DEFAULT;

  private static List<CrossingOutcome> classify(List<HistoryEvent> history, LocalDate asOf) {
    return ResidenceClassifier.classify(history, asOf, RULES, MigrantRateModel.uninformed());
  }

  private static List<ResidenceClass> classes(List<HistoryEvent> history, LocalDate asOf) {
    return classify(history, asOf).stream().map(CrossingOutcome::residenceClass).toList();
  }

  @Test
  void aTouristIsANonMigrantBothWays() {
    // A Nicaraguan (non-resident by citizenship) in CRI on days 0..9, leaving on day 10: 10 days
    // present in the window [2023-01-01, 2024-05-01) of 486 days.
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arrive(0).depart(10).build();
    List<CrossingOutcome> out = classify(h, FAR);
    assertThat(out)
        .extracting(CrossingOutcome::residenceClass)
        .containsExactly(NON_MIGRANT_ARRIVAL, NON_MIGRANT_DEPARTURE);
    assertThat(out.get(0).daysCounted()).isEqualTo(10);
    assertThat(out.get(0).daysObserved()).isEqualTo(486);
    assertThat(out.get(0).windowEnd()).isEqualTo(LocalDate.of(2024, 5, 1));
    assertThat(out.get(0).residentBefore()).isFalse();
    assertThat(out.get(0).residenceBasis()).isEqualTo(ResidenceBasis.CITIZENSHIP);
    assertThat(out.get(0).migrantProbability()).isZero();
    // The departure of a non-resident is never a migrant departure: nothing to count.
    assertThat(out.get(1).residentBefore()).isFalse();
  }

  @Test
  void daysBetweenTwoArrivalsAreOpenSinceTheDepartureBetweenWentUnrecorded() {
    // A Nicaraguan arrives on day 0 and again on day 400, with no departure recorded between (a
    // port without exit control). Days 0..399 are open: present somewhere, absent after. The
    // window [2023-01-01, 2024-05-01) has 486 days; days 400..485 = 86 are known present, so the
    // first arrival counts 86 with 400 open: neither 365 for certain nor below it for certain.
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arrive(0).arrive(400).build();
    List<CrossingOutcome> out = classify(h, FAR);
    assertThat(out.get(0).residenceClass()).isEqualTo(PROVISIONAL);
    assertThat(out.get(0).daysCounted()).isEqualTo(86);
    // The same first arrival with the departure on day 399 recorded is a certain migrant arrival.
    List<HistoryEvent> seen =
        new HistoryBuilder("CRI", "NIC").arrive(0).depart(399).arrive(400).build();
    assertThat(classes(seen, FAR).get(0)).isEqualTo(MIGRANT_ARRIVAL);
    // Two arrivals 100 days apart: even if all 100 open days were spent inside, 100 + the days
    // after day 100 up to day 300's departure (200) = 300 < 365: certainly not a migrant arrival.
    List<HistoryEvent> short_ =
        new HistoryBuilder("CRI", "NIC").arrive(0).arrive(100).depart(300).build();
    assertThat(classes(short_, FAR).get(0)).isEqualTo(NON_MIGRANT_ARRIVAL);
    // A resident's departure followed by another departure (the return unrecorded): the days
    // between are open too. Costa Rican, leaves on day 0 and again on day 500: the window of the
    // first departure is all open, so it stays undecided.
    List<HistoryEvent> away = new HistoryBuilder("CRI", "CRI").depart(0).depart(500).build();
    assertThat(classes(away, FAR).get(0)).isEqualTo(PROVISIONAL);
  }

  @Test
  void aCircularWorkerNeverReachesTwelveMonths() {
    // Seasons 1 Oct .. 28 Feb, three years. First arrival's window [2023-10-01, 2025-02-01):
    // 2023-10-01..2024-02-27 = 150 days, then 2024-10-01..2025-01-31 = 123 days: 273 < 365.
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "NIC")
            .arriveOn(LocalDate.of(2023, 10, 1))
            .departOn(LocalDate.of(2024, 2, 28))
            .arriveOn(LocalDate.of(2024, 10, 1))
            .departOn(LocalDate.of(2025, 2, 28))
            .arriveOn(LocalDate.of(2025, 10, 1))
            .departOn(LocalDate.of(2026, 2, 28))
            .build();
    List<CrossingOutcome> out = classify(h, FAR);
    assertThat(out.get(0).daysCounted()).isEqualTo(273);
    assertThat(out)
        .extracting(CrossingOutcome::residenceClass)
        .containsExactly(
            NON_MIGRANT_ARRIVAL,
            NON_MIGRANT_DEPARTURE,
            NON_MIGRANT_ARRIVAL,
            NON_MIGRANT_DEPARTURE,
            NON_MIGRANT_ARRIVAL,
            NON_MIGRANT_DEPARTURE);
  }

  @Test
  void aSettlerIsAMigrantArrivalAndHerTripHomeChangesNothing() {
    // Arrives 2023-03-01, window [2023-03-01, 2024-07-01) = 366 + 122 = 488 days, away
    // 2023-12-10..2023-12-29 (20 days): 468 present. Resident since: the trip is a resident's.
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "NIC")
            .arriveOn(LocalDate.of(2023, 3, 1))
            .departOn(LocalDate.of(2023, 12, 10))
            .arriveOn(LocalDate.of(2023, 12, 30))
            .build();
    List<CrossingOutcome> out = classify(h, FAR);
    assertThat(out)
        .extracting(CrossingOutcome::residenceClass)
        .containsExactly(MIGRANT_ARRIVAL, NON_MIGRANT_DEPARTURE, NON_MIGRANT_ARRIVAL);
    assertThat(out.get(0).daysCounted()).isEqualTo(468);
    assertThat(out.get(1).residentBefore()).isTrue();
    assertThat(out.get(1).residenceBasis()).isEqualTo(ResidenceBasis.MIGRANT_CROSSING);
    assertThat(out.get(1).daysCounted()).isEqualTo(20);
  }

  @Test
  void aReturningNationalEmigratedAndImmigratesAgain() {
    // A Costa Rican (resident by citizenship) leaves 2023-02-01 and comes back 2024-08-01: absent
    // on all 486 days of [2023-02-01, 2024-06-01). Back as a non-resident who then stays.
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "CRI")
            .departOn(LocalDate.of(2023, 2, 1))
            .arriveOn(LocalDate.of(2024, 8, 1))
            .build();
    List<CrossingOutcome> out = classify(h, FAR);
    assertThat(out)
        .extracting(CrossingOutcome::residenceClass)
        .containsExactly(MIGRANT_DEPARTURE, MIGRANT_ARRIVAL);
    assertThat(out.get(0).daysCounted()).isEqualTo(486);
    assertThat(out.get(1).residentBefore()).isFalse();
    assertThat(out.get(1).residenceBasis()).isEqualTo(ResidenceBasis.MIGRANT_CROSSING);
  }

  @Test
  void marginsOfOneDayAroundTwelveMonthsForArrivals() {
    // Arrive day 0 (2023-01-01); leaving on day 365 means present on days 0..364: 365 days.
    assertThat(classes(new HistoryBuilder("CRI", "NIC").arrive(0).depart(365).build(), FAR))
        .containsExactly(MIGRANT_ARRIVAL, MIGRANT_DEPARTURE);
    // Leaving on day 364: 364 days present; the departure is then a non-resident's.
    assertThat(classes(new HistoryBuilder("CRI", "NIC").arrive(0).depart(364).build(), FAR))
        .containsExactly(NON_MIGRANT_ARRIVAL, NON_MIGRANT_DEPARTURE);
  }

  @Test
  void marginsOfOneDayAroundTwelveMonthsForDepartures() {
    // A Costa Rican leaves on day 0 and returns on day 365: absent on days 0..364, 365 days.
    // Back as a non-resident who stays: a migrant arrival.
    assertThat(classes(new HistoryBuilder("CRI", "CRI").depart(0).arrive(365).build(), FAR))
        .containsExactly(MIGRANT_DEPARTURE, MIGRANT_ARRIVAL);
    // Back on day 364: 364 days absent; still resident, so coming back is no migration.
    assertThat(classes(new HistoryBuilder("CRI", "CRI").depart(0).arrive(364).build(), FAR))
        .containsExactly(NON_MIGRANT_DEPARTURE, NON_MIGRANT_ARRIVAL);
  }

  @Test
  void anOutcomeIsFinalTheDayItBecomesCertain() {
    // Arrived day 0 and still here. At the end of day 363: 364 days present, undecided; at the
    // end of day 364: 365 days, a migrant although the window runs to 2024-05-01.
    List<HistoryEvent> settler = new HistoryBuilder("CRI", "NIC").arrive(0).build();
    CrossingOutcome before = classify(settler, day(363)).get(0);
    assertThat(before.residenceClass()).isEqualTo(PROVISIONAL);
    assertThat(before.daysCounted()).isEqualTo(364);
    CrossingOutcome on = classify(settler, day(364)).get(0);
    assertThat(on.residenceClass()).isEqualTo(MIGRANT_ARRIVAL);
    assertThat(on.isFinal()).isTrue();
    assertThat(on.daysObserved()).isEqualTo(365);
    // A 10-day visit: 10 present; of the window's 486 days, 10 + unseen < 365 once 132 are seen
    // (unseen 354), i.e. at the end of day 131; at the end of day 130, 10 + 355 could reach 365.
    List<HistoryEvent> tourist = new HistoryBuilder("CRI", "NIC").arrive(0).depart(10).build();
    assertThat(classify(tourist, day(130)).get(0).residenceClass()).isEqualTo(PROVISIONAL);
    assertThat(classify(tourist, day(131)).get(0).residenceClass()).isEqualTo(NON_MIGRANT_ARRIVAL);
  }

  @Test
  void anUndecidedRecentArrivalIsProvisionalWithTheModelsPrediction() {
    // Arrived 2024-10-01, asOf 2024-12-31: 92 days present of 92 seen; the window
    // [2024-10-01, 2026-02-01) has 488 days, 396 unseen: 92 + 396 >= 365, undecided.
    LocalDate asOf = LocalDate.of(2024, 12, 31);
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "NIC").arriveOn(LocalDate.of(2024, 10, 1)).build();
    // Features: 91 days elapsed (band 3), still here, 92 counted (band 3), foreign, no
    // authorised stay (band 0).
    OutcomeFeatures cell = new OutcomeFeatures(Direction.ARRIVAL, false, 3, true, 3, 0);
    List<TrainingCase> cases = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      cases.add(new TrainingCase(cell, k < 24));
    }
    MigrantRateModel model = MigrantRateModel.fit(cases, 20.0);
    // All 30 cases sit in every level's cell: each level shrinks 24/30 towards its parent by
    // (24 + 20 p) / 50, starting from 0.5: 0.68, 0.752, 0.7808, 0.79232, 0.796928, 0.7987712.
    CrossingOutcome out = ResidenceClassifier.classify(h, asOf, RULES, model).get(0);
    assertThat(out.residenceClass()).isEqualTo(PROVISIONAL);
    assertThat(out.predictedClass()).isEqualTo(MIGRANT_ARRIVAL);
    assertThat(out.migrantProbability()).isCloseTo(0.7987712, within(1e-12));
    assertThat(out.daysCounted()).isEqualTo(92);
    assertThat(out.windowEnd()).isEqualTo(LocalDate.of(2026, 2, 1));
    double[] expected = {0.68, 0.752, 0.7808, 0.79232, 0.796928, 0.7987712};
    List<MigrantRateModel.CellRate> path = model.explain(cell);
    assertThat(path).hasSize(expected.length);
    for (int level = 0; level < expected.length; level++) {
      assertThat(path.get(level).cases()).isEqualTo(30);
      assertThat(path.get(level).rate()).isCloseTo(expected[level], within(1e-12));
    }
  }

  @Test
  void everyCrossingAfterAProvisionalOneIsProvisionalUnderThePredictedStatus() {
    // Arrived day 0, left day 100, asOf day 150: 100 present, 386 unseen: undecided. With the
    // uninformed model (0.5) the prediction is a migrant arrival, so the departure is predicted
    // as a resident's: 51 days absent of 51 seen, 436 unseen: undecided too.
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arrive(0).depart(100).build();
    List<CrossingOutcome> out = classify(h, day(150));
    assertThat(out).extracting(CrossingOutcome::residenceClass).containsOnly(PROVISIONAL);
    assertThat(out.get(0).dependsOnProvisional()).isFalse();
    assertThat(out.get(1).dependsOnProvisional()).isTrue();
    assertThat(out.get(1).residentBefore()).isTrue();
    assertThat(out.get(1).daysCounted()).isEqualTo(51);
    assertThat(out.get(1).predictedClass()).isEqualTo(MIGRANT_DEPARTURE);
  }

  @Test
  void declaredResidenceComesBeforeCitizenshipAndBothAreConfigurable() {
    // A Nicaraguan declaring residence in CRI, back from a 10-day trip: a resident's return.
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "NIC").declaring("CRI").depart(0).arrive(10).build();
    List<CrossingOutcome> out = classify(h, FAR);
    assertThat(out)
        .extracting(CrossingOutcome::residenceClass)
        .containsExactly(NON_MIGRANT_DEPARTURE, NON_MIGRANT_ARRIVAL);
    assertThat(out.get(1).residenceBasis()).isEqualTo(ResidenceBasis.DECLARED_RESIDENCE);
    assertThat(out.get(1).residentBefore()).isTrue();
    // Citizenship only: a non-resident, whose departure is no emigration.
    ResidenceRules citizenshipOnly =
        RULES.withEvidence(List.of(ResidenceRules.Evidence.CITIZENSHIP), false);
    CrossingOutcome arrival =
        ResidenceClassifier.classify(h, FAR, citizenshipOnly, MigrantRateModel.uninformed()).get(1);
    assertThat(arrival.residenceBasis()).isEqualTo(ResidenceBasis.CITIZENSHIP);
    assertThat(arrival.residentBefore()).isFalse();
    // No evidence at all: the default decides.
    List<HistoryEvent> unknown = new HistoryBuilder("CRI", null).arrive(0).build();
    ResidenceRules residentByDefault = RULES.withEvidence(List.of(), true);
    CrossingOutcome back =
        ResidenceClassifier.classify(unknown, FAR, residentByDefault, MigrantRateModel.uninformed())
            .get(0);
    assertThat(back.residenceBasis()).isEqualTo(ResidenceBasis.DEFAULT);
    assertThat(back.residenceClass()).isEqualTo(NON_MIGRANT_ARRIVAL);
    assertThat(classes(unknown, FAR)).containsExactly(MIGRANT_ARRIVAL);
  }

  @Test
  void sameSecondCrossingsAlternateWithTheLocationBefore() {
    // A visitor (outside) with records of day 40 in the order departure (id 10), arrival (id 11):
    // taken as arrival then departure, a day visit; at the end of day 40 outside.
    List<HistoryEvent> visit =
        new HistoryBuilder("CRI", "NIC").arrive(0).depart(5).id(10).depart(40).arrive(40).build();
    List<CrossingOutcome> out = classify(visit, FAR);
    assertThat(out).extracting(CrossingOutcome::recordId).containsExactly(1L, 2L, 11L, 10L);
    assertThat(out.get(2).daysCounted()).isZero();
    assertThat(Stays.unmatched(visit, FAR)).isEmpty();
    // A resident (inside) with arrival (id 10) then departure (id 11) on day 40: a day trip out,
    // departure first; inside at the end of day 40, so the departure counts no day abroad.
    List<HistoryEvent> trip =
        new HistoryBuilder("CRI", "CRI").depart(0).arrive(5).id(10).arrive(40).depart(40).build();
    List<CrossingOutcome> tripOut = classify(trip, FAR);
    assertThat(tripOut).extracting(CrossingOutcome::recordId).containsExactly(1L, 2L, 11L, 10L);
    assertThat(tripOut.get(2).daysCounted()).isZero();
    assertThat(Stays.unmatched(trip, FAR))
        .extracting(UnmatchedCrossing::reason)
        .containsExactly(UnmatchedCrossing.Reason.FIRST_CROSSING_IS_DEPARTURE);
    // With times, the times decide: out at 08:00, in at 18:00, whatever the record ids.
    List<HistoryEvent> timed =
        new HistoryBuilder("CRI", "NIC").arrive(0).id(20).arriveAt(40, 18).departAt(40, 8).build();
    assertThat(classify(timed, FAR))
        .extracting(CrossingOutcome::recordId)
        .containsExactly(1L, 21L, 20L);
  }

  @Test
  void badHistoriesAreRejected() {
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arrive(0).depart(10).build();
    assertThatThrownBy(() -> classify(List.of(h.get(1), h.get(0)), FAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not ordered");
    List<HistoryEvent> mixed =
        List.of(h.get(0), new HistoryBuilder("PAN", "NIC").depart(10).build().get(0));
    assertThatThrownBy(() -> classify(mixed, FAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mixes reporting countries");
  }

  @Test
  void recordsAfterAsOfAreIgnored() {
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arrive(0).depart(10).build();
    assertThat(classify(h, day(5))).hasSize(1);
    assertThat(classify(h, day(5)).get(0).daysCounted()).isEqualTo(6);
  }
}
