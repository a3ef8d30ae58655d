package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two monthly runs over the same travellers, compared record by record and month by month. */
class RevisionsTest {

  private static final LocalDate MARCH_2024 = LocalDate.of(2024, 3, 31);
  private static final LocalDate FEBRUARY_2025 = LocalDate.of(2025, 2, 15);

  private static List<CrossingOutcome> run(LocalDate asOf, List<List<HistoryEvent>> travellers) {
    List<CrossingOutcome> all = new ArrayList<>();
    for (List<HistoryEvent> history : travellers) {
      all.addAll(
          ResidenceClassifier.classify(
              history, asOf, ResidenceRules.DEFAULT, MigrantRateModel.uninformed()));
    }
    return all;
  }

  @Test
  void revisionsByRecordAndByMonth() {
    // Tourist (ids 1, 2): in 2024-01-05..01-14. At 2024-03-31, 10 present + 399 unseen of the
    // 486-day window could reach 365: provisional (predicted migrant: the uninformed 0.5), and so
    // is the departure. At 2025-02-15, 79 days unseen: final non-migrant, both.
    List<HistoryEvent> tourist =
        new HistoryBuilder("CRI", "NIC")
            .id(1)
            .arriveOn(LocalDate.of(2024, 1, 5))
            .departOn(LocalDate.of(2024, 1, 15))
            .build();
    // Settler (id 3) from 2024-01-20: at 2025-02-15, 393 days present: a final migrant.
    List<HistoryEvent> settler =
        new HistoryBuilder("CRI", "NIC").id(3).arriveOn(LocalDate.of(2024, 1, 20)).build();
    // Id 4 is linked to this traveller in the first run only; id 5 arrives in the second only.
    List<HistoryEvent> relinked =
        new HistoryBuilder("CRI", "NIC").id(4).arriveOn(LocalDate.of(2024, 2, 1)).build();
    List<HistoryEvent> newcomer =
        new HistoryBuilder("CRI", "NIC").id(5).arriveOn(LocalDate.of(2025, 1, 1)).build();
    // Ids 6, 7: a 9-day visit in January 2023, final non-migrant at 2024-03-31 (counted 9, 30
    // unseen); in the second run the departure turned out to be someone else's: the arrival is
    // then a migrant (present ever since), a reversal.
    List<HistoryEvent> visit =
        new HistoryBuilder("CRI", "NIC")
            .id(6)
            .arriveOn(LocalDate.of(2023, 1, 1))
            .departOn(LocalDate.of(2023, 1, 10))
            .build();
    List<CrossingOutcome> before = run(MARCH_2024, List.of(tourist, settler, relinked, visit));
    List<CrossingOutcome> after =
        run(FEBRUARY_2025, List.of(tourist, settler, newcomer, visit.subList(0, 1)));

    List<Revision> revisions = Revisions.compare(before, after);
    assertThat(revisions)
        .extracting(Revision::recordId, Revision::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, Revision.Kind.FINALISED),
            org.assertj.core.groups.Tuple.tuple(2L, Revision.Kind.FINALISED),
            org.assertj.core.groups.Tuple.tuple(3L, Revision.Kind.FINALISED),
            org.assertj.core.groups.Tuple.tuple(5L, Revision.Kind.ADDED),
            org.assertj.core.groups.Tuple.tuple(6L, Revision.Kind.REVERSED),
            org.assertj.core.groups.Tuple.tuple(4L, Revision.Kind.REMOVED),
            org.assertj.core.groups.Tuple.tuple(7L, Revision.Kind.REMOVED));
    Revision tourArrival = revisions.get(0);
    assertThat(tourArrival.revised()).isTrue();
    assertThat(tourArrival.previousClass()).contains(ResidenceClass.PROVISIONAL);
    assertThat(tourArrival.currentClass()).contains(ResidenceClass.NON_MIGRANT_ARRIVAL);
    assertThat(revisions.get(4).previousClass()).contains(ResidenceClass.NON_MIGRANT_ARRIVAL);
    assertThat(revisions.get(4).currentClass()).contains(ResidenceClass.MIGRANT_ARRIVAL);
    assertThat(revisions.get(3).revised()).isFalse();

    List<MonthRevisions> months = Revisions.byMonth(revisions);
    assertThat(months)
        .containsExactly(
            // Arrival 6 reversed (0 → 1 expected migrants); departure 7 removed (0 before).
            new MonthRevisions(YearMonth.of(2023, 1), Direction.ARRIVAL, 1, 1, 0, 1, 0, 0, 0, 1),
            new MonthRevisions(YearMonth.of(2023, 1), Direction.DEPARTURE, 0, 0, 0, 0, 0, 1, 0, 0),
            // Arrivals 1 and 3: 0.5 + 0.5 before; 0 + 1 now.
            new MonthRevisions(YearMonth.of(2024, 1), Direction.ARRIVAL, 2, 2, 2, 0, 0, 0, 1, 1),
            // Departure 2: provisional before, predicted as a resident's departure (0.5).
            new MonthRevisions(
                YearMonth.of(2024, 1), Direction.DEPARTURE, 1, 1, 1, 0, 0, 0, 0.5, 0),
            new MonthRevisions(YearMonth.of(2024, 2), Direction.ARRIVAL, 0, 0, 0, 0, 0, 1, 0.5, 0),
            new MonthRevisions(YearMonth.of(2025, 1), Direction.ARRIVAL, 0, 0, 0, 0, 1, 0, 0, 0.5));
  }

  @Test
  void aRecordTwiceInOneRunIsAnError() {
    List<CrossingOutcome> run =
        run(MARCH_2024, List.of(new HistoryBuilder("CRI", "NIC").arrive(0).build()));
    List<CrossingOutcome> twice = new ArrayList<>(run);
    twice.addAll(run);
    assertThatThrownBy(() -> Revisions.compare(twice, run))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Revisions.compare(run, run).get(0))
        .isEqualTo(new Revision(1, Optional.of(run.get(0)), Optional.of(run.get(0))));
  }
}
