package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/RESIDENCE.md, run: keep the two in step. */
class ResidenceExampleTest {

  @Test
  void theDocumentedExampleRuns() {
    LocalDate asOf = LocalDate.of(2024, 12, 31);
    List<List<HistoryEvent>> travellers =
        List.of(
            new HistoryBuilder("CRI", "NIC").arriveFor(0, 90).depart(120).build(),
            new HistoryBuilder("CRI", "CRI").depart(10).returned(200, "USA").arrive(200).build(),
            new HistoryBuilder("CRI", "NIC").arriveOn(LocalDate.of(2024, 11, 1)).build());
    // First pass: training cases of every traveller, one model.
    List<TrainingCase> cases = new ArrayList<>();
    for (List<HistoryEvent> history : travellers) {
      cases.addAll(ResidenceClassifier.trainingCases(history, asOf, ResidenceRules.DEFAULT));
    }
    MigrantRateModel model = MigrantRateModel.fit(cases, ResidenceRules.DEFAULT.priorStrength());
    // Second pass, per traveller: the five lines of the documentation.
    List<HistoryEvent> history = travellers.get(0);
    List<CrossingOutcome> classes =
        ResidenceClassifier.classify(history, asOf, ResidenceRules.DEFAULT, model);
    List<Stay> stays = Stays.of(history, asOf);
    RollingLimit.Result shortStay = RollingLimit.SCHENGEN.check(history, asOf);
    List<ReturnLink> returns = Returns.link(history, asOf);

    // 120 days present: a non-migrant; 30 days beyond the 90 authorised; 121 days (entry and
    // exit) in the 180-day window ending on day 120; no returns.
    assertThat(classes)
        .extracting(CrossingOutcome::residenceClass)
        .containsExactly(ResidenceClass.NON_MIGRANT_ARRIVAL, ResidenceClass.NON_MIGRANT_DEPARTURE);
    assertThat(stays.get(0).overstayDays()).isEqualTo(30);
    assertThat(shortStay.maxDaysInWindow()).isEqualTo(121);
    assertThat(returns).isEmpty();
    assertThat(Returns.link(travellers.get(1), asOf).get(0).daysAbroad()).hasValue(190);
  }
}
