package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The provisional-outcome model on synthetic histories generated from known rates.
 *
 * <p>Arrivals into CRI between 2020-01-01 and 2023-12-30, observed to 2024-01-01. A migrant (rate
 * 0.3 for foreigners, 0.6 for nationals who declare residence abroad) stays 400–699 days; anyone
 * else stays 1–300 days (uniform). Someone still in the country 75 days after arriving stayed at
 * least 76 days, so the true probability of a migrant is p / (p + (1 − p) × 225/300): 0.3 / 0.825 =
 * 0.3636 for foreigners and 0.6 / 0.9 = 0.6667 for nationals; someone already gone is never a
 * migrant.
 */
class MigrantRateModelTest {

  private static final LocalDate START = LocalDate.of(2020, 1, 1);
  private static final LocalDate AS_OF = LocalDate.of(2024, 1, 1);

  /** Fitted once: 24,000 travellers' cases take a few seconds. */
  private static final List<TrainingCase> CASES = cases(42);

  private static final MigrantRateModel MODEL = MigrantRateModel.fit(CASES, 20.0);

  private static List<HistoryEvent> traveller(SplittableRandom random, boolean national) {
    double rate = national ? 0.6 : 0.3;
    int arrival = random.nextInt(0, 1460);
    boolean migrant = random.nextDouble() < rate;
    int stay = migrant ? random.nextInt(400, 700) : random.nextInt(1, 301);
    HistoryBuilder b =
        new HistoryBuilder("CRI", national ? "CRI" : "NIC").declaring(national ? "NIC" : null);
    LocalDate arrived = START.plusDays(arrival);
    b.arriveOn(arrived);
    b.departOn(arrived.plusDays(stay));
    return b.build();
  }

  private static List<TrainingCase> cases(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TrainingCase> cases = new ArrayList<>();
    for (int i = 0; i < 24_000; i++) {
      cases.addAll(
          ResidenceClassifier.trainingCases(
              traveller(random, i % 2 == 0), AS_OF, ResidenceRules.DEFAULT));
    }
    return cases;
  }

  @Test
  void predictedProbabilitiesAreCloseToTheTrueRates() {
    MigrantRateModel model = MODEL;
    // 75 days after arriving (band 2), 76 days present (band 2), still in the country.
    OutcomeFeatures foreign = new OutcomeFeatures(Direction.ARRIVAL, false, 2, true, 2, 0);
    OutcomeFeatures national = new OutcomeFeatures(Direction.ARRIVAL, true, 2, true, 2, 0);
    assertThat(model.probability(foreign)).isCloseTo(0.3 / 0.825, within(0.02));
    assertThat(model.probability(national)).isCloseTo(0.6 / 0.9, within(0.02));
    // Gone after 30 days present: no migrant among them.
    OutcomeFeatures gone = new OutcomeFeatures(Direction.ARRIVAL, false, 2, false, 1, 0);
    assertThat(model.probability(gone)).isLessThan(0.01);
    // At 255 days (band 8) still in: non-migrants still in are 45/300; 0.3 / (0.3 + 0.7 × 0.15).
    OutcomeFeatures later = new OutcomeFeatures(Direction.ARRIVAL, false, 8, true, 8, 0);
    assertThat(model.probability(later)).isCloseTo(0.3 / 0.405, within(0.03));
  }

  @Test
  void aProvisionalArrivalGetsTheModelsProbability() {
    MigrantRateModel model = MODEL;
    // Arrived 75 days before AS_OF, still in.
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arriveOn(AS_OF.minusDays(75)).build();
    CrossingOutcome out =
        ResidenceClassifier.classify(h, AS_OF, ResidenceRules.DEFAULT, model).get(0);
    assertThat(out.residenceClass()).isEqualTo(ResidenceClass.PROVISIONAL);
    assertThat(out.predictedClass()).isEqualTo(ResidenceClass.NON_MIGRANT_ARRIVAL);
    assertThat(out.migrantProbability()).isCloseTo(0.3 / 0.825, within(0.02));
  }

  @Test
  void fittingIsDeterministicAndIgnoresTheOrderOfCases() {
    List<TrainingCase> cases = CASES;
    List<TrainingCase> shuffled = new ArrayList<>(cases);
    Collections.shuffle(shuffled, new Random(1));
    MigrantRateModel a = MigrantRateModel.fit(cases, 20.0);
    MigrantRateModel b = MigrantRateModel.fit(shuffled, 20.0);
    assertThat(cases(42)).isEqualTo(cases);
    assertThat(a.cases()).isEqualTo(cases.size());
    for (TrainingCase c : cases.subList(0, 500)) {
      assertThat(b.probability(c.features())).isEqualTo(a.probability(c.features()));
    }
  }

  @Test
  void trainingUsesOnlyWindowsClosedByAsOf() {
    // Arrived 2023-06-01: the window runs to 2024-10-01, after AS_OF: no case.
    List<HistoryEvent> open =
        new HistoryBuilder("CRI", "NIC").arriveOn(LocalDate.of(2023, 6, 1)).build();
    assertThat(ResidenceClassifier.trainingCases(open, AS_OF, ResidenceRules.DEFAULT)).isEmpty();
    // Arrived 2021-01-01 and stayed: window closed 2022-05-01. Undecided at 15, 45, ..., 345 days
    // (present 16 .. 346 < 365); at 375 days it is decided: 12 cases, all migrants.
    List<HistoryEvent> settled =
        new HistoryBuilder("CRI", "NIC").arriveOn(LocalDate.of(2021, 1, 1)).build();
    List<TrainingCase> cases =
        ResidenceClassifier.trainingCases(settled, AS_OF, ResidenceRules.DEFAULT);
    assertThat(cases).hasSize(12).allMatch(TrainingCase::migrant);
    assertThat(cases.get(11).features().elapsedBand()).isEqualTo(11);
  }

  @Test
  void anUninformedModelSaysOneHalf() {
    assertThat(
            MigrantRateModel.uninformed()
                .probability(new OutcomeFeatures(Direction.DEPARTURE, true, 0, true, 0, 0)))
        .isEqualTo(0.5);
  }
}
