package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.puente.schema.EventKind;

/**
 * The fast single-country functions against {@link NaiveResidence}, a day-by-day reading of the
 * definitions, on seeded random histories: missed crossings, same-day crossings with and without
 * times, declared residence that changes, authorised stays, observation ends anywhere.
 */
class ResidenceReferenceTest {

  private static final LocalDate D0 = LocalDate.of(2022, 1, 1);
  private static final int TRIALS = 4000;

  @Test
  void theTwelveSixteenClassifierAgreesWithTheDayByDayReference() {
    SplittableRandom random = new SplittableRandom(20261129L);
    List<List<HistoryEvent>> histories = new ArrayList<>();
    List<LocalDate> ends = new ArrayList<>();
    List<TrainingCase> cases = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      histories.add(randomHistory(random));
      ends.add(D0.plusDays(random.nextInt(100, 1600)));
      cases.addAll(
          ResidenceClassifier.trainingCases(
              histories.get(trial), ends.get(trial), ResidenceRules.DEFAULT));
    }
    // A model fitted on the same histories, so that predictions vary with the features.
    MigrantRateModel model = MigrantRateModel.fit(cases, 20.0);
    int[] byClass = new int[ResidenceClass.values().length];
    int dependent = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      List<HistoryEvent> history = histories.get(trial);
      LocalDate end = ends.get(trial);
      ResidenceRules rules =
          trial % 4 == 3
              ? ResidenceRules.DEFAULT
                  .withThresholdDays(183)
                  .withWindowMonths(12)
                  .withEvidence(List.of(ResidenceRules.Evidence.CITIZENSHIP), true)
              : ResidenceRules.DEFAULT;
      List<NaiveResidence.Outcome> fast =
          ResidenceClassifier.classify(history, end, rules, model).stream()
              .map(NaiveResidence.Outcome::of)
              .toList();
      List<NaiveResidence.Outcome> naive =
          new NaiveResidence(history, end).twelveSixteen(rules, model);
      assertThat(fast).as("trial %d: %s", trial, history).isEqualTo(naive);
      for (NaiveResidence.Outcome o : naive) {
        byClass[o.residenceClass().ordinal()]++;
        dependent += o.dependent() ? 1 : 0;
      }
    }
    // Every class, and predictions both ways, occur: the comparison is not of easy cases only.
    for (ResidenceClass c : ResidenceClass.values()) {
      assertThat(byClass[c.ordinal()]).as("%s", c).isGreaterThan(200);
    }
    assertThat(dependent).isGreaterThan(200);
    assertThat(cases.size()).isGreaterThan(1000);
  }

  @Test
  void theUnClassifierAgreesWithTheDayByDayReference() {
    SplittableRandom random = new SplittableRandom(7L);
    int[] byClass = new int[UnMigrantClass.values().length];
    for (int trial = 0; trial < TRIALS; trial++) {
      List<HistoryEvent> history = randomHistory(random);
      LocalDate end = D0.plusDays(random.nextInt(100, 1600));
      List<long[]> fast =
          UnDurationClassifier.classify(
                  history, end, UnDurationRules.DEFAULT, ResidenceRules.DEFAULT)
              .stream()
              .map(
                  o ->
                      new long[] {
                        o.recordId(),
                        o.unClass().ordinal(),
                        o.atLeast().ordinal(),
                        o.durationDays(),
                        o.durationComplete() ? 1 : 0
                      })
              .toList();
      List<long[]> naive =
          new NaiveResidence(history, end).un(UnDurationRules.DEFAULT, ResidenceRules.DEFAULT);
      assertThat(fast).as("trial %d: %s", trial, history).hasSameSizeAs(naive);
      for (int i = 0; i < fast.size(); i++) {
        assertThat(fast.get(i)).as("trial %d crossing %d", trial, i).containsExactly(naive.get(i));
        byClass[(int) naive.get(i)[1]]++;
      }
    }
    for (UnMigrantClass c : UnMigrantClass.values()) {
      assertThat(byClass[c.ordinal()]).as("%s", c).isGreaterThan(100);
    }
  }

  @Test
  void theRollingLimitAgreesWithTheDayByDayReference() {
    SplittableRandom random = new SplittableRandom(90180L);
    int exceeded = 0;
    for (int trial = 0; trial < 1500; trial++) {
      List<HistoryEvent> history = randomHistory(random);
      LocalDate end = D0.plusDays(random.nextInt(100, 1200));
      RollingLimit limit = trial % 2 == 0 ? RollingLimit.SCHENGEN : new RollingLimit(30, 60);
      RollingLimit.Result fast = limit.check(history, end);
      long[] naive = new NaiveResidence(history, end).rollingLimit(limit);
      assertThat(
              new long[] {
                fast.maxDaysInWindow(),
                fast.firstDayOver().map(LocalDate::toEpochDay).orElse(-1L),
                fast.daysOver()
              })
          .as("trial %d: %s", trial, history)
          .containsExactly(naive);
      exceeded += fast.exceeded() ? 1 : 0;
    }
    assertThat(exceeded).isBetween(200, 1300);
  }

  /**
   * Trips of random lengths into CRI; sometimes a resident's history starting with a departure,
   * missed records, same-day crossings (at midnight: tied, or with hours), record ids not in time
   * order, citizenship and declared residence that vary.
   */
  static List<HistoryEvent> randomHistory(SplittableRandom random) {
    List<HistoryEvent> events = new ArrayList<>();
    String[] citizenships = {"CRI", "NIC", null};
    String citizenship = citizenships[random.nextInt(3)];
    String declared = null;
    int day = random.nextInt(0, 100);
    boolean resident = random.nextInt(3) == 0;
    if (resident) {
      add(events, random, day, Direction.DEPARTURE, citizenship, declared, null);
      day += random.nextInt(4) == 0 ? random.nextInt(300, 600) : random.nextInt(0, 60);
    }
    int trips = random.nextInt(1, 6);
    for (int t = 0; t < trips; t++) {
      if (random.nextInt(6) == 0) {
        declared = random.nextBoolean() ? "CRI" : "NIC";
      }
      Integer authorised = random.nextInt(3) == 0 ? random.nextInt(1, 200) : null;
      if (random.nextInt(12) > 0) {
        add(events, random, day, Direction.ARRIVAL, citizenship, declared, authorised);
      }
      int stay = random.nextInt(4) == 0 ? random.nextInt(300, 600) : random.nextInt(0, 60);
      day += stay;
      if (random.nextInt(10) > 0) {
        add(events, random, day, Direction.DEPARTURE, citizenship, declared, null);
      }
      day += random.nextInt(4) == 0 ? random.nextInt(300, 500) : random.nextInt(0, 120);
    }
    if (events.isEmpty()) {
      add(events, random, day, Direction.ARRIVAL, citizenship, declared, null);
    }
    events.sort(
        Comparator.comparingLong(HistoryEvent::eventSecond)
            .thenComparingLong(HistoryEvent::recordId));
    return List.copyOf(events);
  }

  private static void add(
      List<HistoryEvent> events,
      SplittableRandom random,
      int day,
      Direction direction,
      String citizenship,
      String declared,
      Integer authorised) {
    LocalDate date = D0.plusDays(day);
    int hour = random.nextInt(3) == 0 ? random.nextInt(24) : 0;
    long id;
    do {
      id = random.nextLong(1, 1_000_000);
    } while (hasId(events, id));
    events.add(
        new HistoryEvent(
            id,
            EventKind.BORDER_CROSSING,
            date,
            date.toEpochDay() * 86_400L + hour * 3600L,
            direction,
            "PEN",
            "CRI",
            citizenship,
            declared,
            authorised,
            null));
  }

  private static boolean hasId(List<HistoryEvent> events, long id) {
    for (HistoryEvent e : events) {
      if (e.recordId() == id) {
        return true;
      }
    }
    return false;
  }
}
