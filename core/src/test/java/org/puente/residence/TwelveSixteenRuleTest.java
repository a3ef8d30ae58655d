package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwelveSixteenRuleTest {

  private static final LocalDate D0 = LocalDate.of(2023, 1, 1);
  private static final LocalDate FAR = LocalDate.of(2030, 1, 1);
  private static final List<String> COUNTRIES = List.of("CRI", "NIC", "PAN");

  private static Crossing arrive(int day, String country) {
    return new Crossing(D0.plusDays(day), Direction.ARRIVAL, country);
  }

  private static Crossing depart(int day, String country) {
    return new Crossing(D0.plusDays(day), Direction.DEPARTURE, country);
  }

  private static List<MigrationClass> classes(
      Optional<String> residence, List<Crossing> crossings, LocalDate end) {
    return TwelveSixteenRule.classify(residence, crossings, end).stream()
        .map(ClassifiedCrossing::migrationClass)
        .toList();
  }

  // Hand-made cases: the expected classes follow from the definition by counting days on paper.

  @Test
  void aStayOfExactlyTwelveMonthsIsLongTermAndOneDayLessIsNot() {
    // Present on days 0..364 (365 days): an immigrant, who then leaves for good: an emigrant.
    assertThat(classes(Optional.empty(), List.of(arrive(0, "CRI"), depart(365, "CRI")), FAR))
        .containsExactly(MigrationClass.LONG_TERM, MigrationClass.LONG_TERM);
    assertThat(classes(Optional.empty(), List.of(arrive(0, "CRI"), depart(364, "CRI")), FAR))
        .containsExactly(MigrationClass.SHORT_TERM, MigrationClass.SHORT_TERM);
  }

  @Test
  void twelveOfSixteenMonthsMayBeInterruptedByTrips() {
    // 200 days, 100 away, back for 170: 370 days present within the 486 of
    // [2023-01-01, 2024-05-01). The trip away is short;
    // the last departure, never followed by a return, ends the residence.
    List<Crossing> history =
        List.of(arrive(0, "CRI"), depart(200, "CRI"), arrive(300, "CRI"), depart(470, "CRI"));
    assertThat(classes(Optional.empty(), history, FAR))
        .containsExactly(
            MigrationClass.LONG_TERM,
            MigrationClass.SHORT_TERM,
            MigrationClass.SHORT_TERM,
            MigrationClass.LONG_TERM);
  }

  @Test
  void aResidentLeavingForAYearEmigratesAndComesBackAsAnImmigrant() {
    List<Crossing> history = List.of(depart(10, "NIC"), arrive(500, "NIC"));
    List<ClassifiedCrossing> result = TwelveSixteenRule.classify(Optional.of("NIC"), history, FAR);
    assertThat(result.get(0).migrationClass()).isEqualTo(MigrationClass.LONG_TERM);
    assertThat(result.get(0).emigration()).isTrue();
    assertThat(result.get(1).residenceBefore()).isEmpty();
    assertThat(result.get(1).immigration()).isTrue();
  }

  @Test
  void aResidentsHolidayIsShortTermBothWays() {
    List<Crossing> history = List.of(depart(10, "NIC"), arrive(24, "NIC"));
    assertThat(classes(Optional.of("NIC"), history, FAR))
        .containsExactly(MigrationClass.SHORT_TERM, MigrationClass.SHORT_TERM);
  }

  @Test
  void censoredWindowsAreDecidedWhenTheSeenDaysDecideAndProvisionalOtherwise() {
    List<Crossing> history = List.of(arrive(0, "PAN"), depart(20, "PAN"), arrive(100, "CRI"));
    // Observation ends on day 200: the tourist trip to PAN is decided (20 + 287 unseen < 365),
    // the arrival into CRI is not.
    assertThat(classes(Optional.empty(), history, D0.plusDays(200)))
        .containsExactly(
            MigrationClass.SHORT_TERM, MigrationClass.SHORT_TERM, MigrationClass.PROVISIONAL);
    // Seen for 400 days in CRI: already long-term although the window is not over.
    assertThat(classes(Optional.empty(), history, D0.plusDays(500)))
        .containsExactly(
            MigrationClass.SHORT_TERM, MigrationClass.SHORT_TERM, MigrationClass.LONG_TERM);
  }

  @Test
  void sameDayTransitIsNotPresence() {
    List<Crossing> history =
        List.of(arrive(0, "CRI"), depart(0, "CRI"), arrive(0, "NIC"), depart(400, "NIC"));
    List<ClassifiedCrossing> result = TwelveSixteenRule.classify(Optional.empty(), history, FAR);
    assertThat(result.get(0).daysCounted()).isZero();
    assertThat(result.get(2).migrationClass()).isEqualTo(MigrationClass.LONG_TERM);
  }

  @Test
  void theWindowIsSixteenCalendarMonths() {
    // An arrival on 2023-07-01 looks at [2023-07-01, 2024-11-01): 489 days (July to October twice
    // and 29 February). Away on days 180..303 (124 days): 365 present, a migrant; one more day away
    // and it is not. A 487-day window would count 363 days and say short-term.
    List<Crossing> longest =
        List.of(
            new Crossing(LocalDate.of(2023, 7, 1), Direction.ARRIVAL, "CRI"),
            new Crossing(LocalDate.of(2023, 7, 1).plusDays(180), Direction.DEPARTURE, "CRI"),
            new Crossing(LocalDate.of(2023, 7, 1).plusDays(304), Direction.ARRIVAL, "CRI"));
    List<ClassifiedCrossing> result = TwelveSixteenRule.classify(Optional.empty(), longest, FAR);
    assertThat(result.get(0).daysCounted()).isEqualTo(365);
    assertThat(result.get(0).migrationClass()).isEqualTo(MigrationClass.LONG_TERM);
    List<Crossing> oneMoreDayAway =
        List.of(
            longest.get(0),
            longest.get(1),
            new Crossing(LocalDate.of(2023, 7, 1).plusDays(305), Direction.ARRIVAL, "CRI"));
    assertThat(
            TwelveSixteenRule.classify(Optional.empty(), oneMoreDayAway, FAR)
                .get(0)
                .migrationClass())
        .isEqualTo(MigrationClass.SHORT_TERM);
  }

  @Test
  void outOfOrderCrossingsAreRejected() {
    assertThatThrownBy(
            () ->
                TwelveSixteenRule.classify(
                    Optional.empty(), List.of(arrive(5, "CRI"), depart(1, "CRI")), FAR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agreesWithADayByDayReferenceOnSeededRandomHistories() {
    SplittableRandom random = new SplittableRandom(20260611L);
    int longTerm = 0;
    int provisional = 0;
    for (int trial = 0; trial < 3000; trial++) {
      List<Crossing> history = randomHistory(random);
      Optional<String> residence =
          random.nextInt(3) == 0 ? Optional.empty() : Optional.of(pick(random));
      LocalDate end = D0.plusDays(random.nextInt(200, 1500));
      List<ClassifiedCrossing> fast = TwelveSixteenRule.classify(residence, history, end);
      List<MigrationClass> naive = NaiveRule.classify(residence, history, end);
      assertThat(fast.stream().map(ClassifiedCrossing::migrationClass).toList())
          .as("trial %d: %s", trial, history)
          .isEqualTo(naive);
      longTerm += (int) naive.stream().filter(c -> c == MigrationClass.LONG_TERM).count();
      provisional += (int) naive.stream().filter(c -> c == MigrationClass.PROVISIONAL).count();
    }
    // The random histories exercise every class, not just the easy one.
    assertThat(longTerm).isGreaterThan(300);
    assertThat(provisional).isGreaterThan(300);
  }

  private static String pick(SplittableRandom random) {
    return COUNTRIES.get(random.nextInt(COUNTRIES.size()));
  }

  /** Trips of random lengths, sometimes inconsistent (a missed crossing), sometimes same-day. */
  private static List<Crossing> randomHistory(SplittableRandom random) {
    List<Crossing> history = new ArrayList<>();
    int day = random.nextInt(0, 100);
    int trips = random.nextInt(1, 6);
    for (int t = 0; t < trips; t++) {
      String country = pick(random);
      history.add(arrive(day, country));
      int stay = random.nextInt(4) == 0 ? random.nextInt(300, 600) : random.nextInt(0, 60);
      day += stay;
      if (random.nextInt(10) > 0) {
        history.add(depart(day, country));
      }
      day += random.nextInt(0, 200);
    }
    return history;
  }

  /**
   * An independent, deliberately slow reading of the definition: where the person is at the end of
   * every day, then counting days one by one.
   */
  private static final class NaiveRule {

    static List<MigrationClass> classify(
        Optional<String> initialResidence, List<Crossing> crossings, LocalDate end) {
      LocalDate first = crossings.get(0).date();
      int span = (int) (end.toEpochDay() - first.toEpochDay()) + 1;
      String[] location = new String[Math.max(span, 0)];
      String current = null;
      int next = 0;
      for (int d = 0; d < span; d++) {
        LocalDate date = first.plusDays(d);
        while (next < crossings.size() && crossings.get(next).date().equals(date)) {
          Crossing c = crossings.get(next);
          current = c.direction() == Direction.ARRIVAL ? c.country() : null;
          next++;
        }
        location[d] = current;
      }
      List<MigrationClass> result = new ArrayList<>();
      String residence = initialResidence.orElse(null);
      boolean unknown = false;
      for (Crossing c : crossings) {
        if (unknown) {
          result.add(MigrationClass.PROVISIONAL);
          continue;
        }
        boolean arrival = c.direction() == Direction.ARRIVAL;
        boolean resident = c.country().equals(residence);
        if (arrival == resident) {
          result.add(MigrationClass.SHORT_TERM);
          continue;
        }
        int counted = 0;
        int unseen = 0;
        int start = (int) (c.date().toEpochDay() - first.toEpochDay());
        int window = (int) (c.date().plusMonths(16).toEpochDay() - c.date().toEpochDay());
        for (int k = 0; k < window; k++) {
          int d = start + k;
          if (d >= span) {
            unseen++;
          } else if (arrival == c.country().equals(location[d])) {
            counted++;
          }
        }
        MigrationClass decided;
        if (counted >= 365) {
          decided = MigrationClass.LONG_TERM;
        } else if (counted + unseen < 365) {
          decided = MigrationClass.SHORT_TERM;
        } else {
          decided = MigrationClass.PROVISIONAL;
        }
        result.add(decided);
        if (decided == MigrationClass.LONG_TERM) {
          residence = arrival ? c.country() : null;
        } else if (decided == MigrationClass.PROVISIONAL) {
          unknown = true;
        }
      }
      return result;
    }
  }
}
