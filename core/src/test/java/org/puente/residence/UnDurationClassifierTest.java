package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.residence.HistoryBuilder.FAR;
import static org.puente.residence.HistoryBuilder.day;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UN duration definitions on hand-made histories; lengths are departure day − arrival day. */
class UnDurationClassifierTest {

  private static List<UnOutcome> classify(List<HistoryEvent> history, LocalDate asOf) {
    return UnDurationClassifier.classify(
        history, asOf, UnDurationRules.DEFAULT, ResidenceRules.DEFAULT);
  }

  private static UnMigrantClass arrivalClass(int leaveOn) {
    return classify(new HistoryBuilder("CRI", "NIC").arrive(0).depart(leaveOn).build(), FAR)
        .get(0)
        .unClass();
  }

  @Test
  void stayLengthsGiveTheClassWithOneDayMarginsAtThreeAndTwelveMonths() {
    assertThat(arrivalClass(89)).isEqualTo(UnMigrantClass.NOT_MIGRANT);
    assertThat(arrivalClass(90)).isEqualTo(UnMigrantClass.SHORT_TERM);
    assertThat(arrivalClass(364)).isEqualTo(UnMigrantClass.SHORT_TERM);
    assertThat(arrivalClass(365)).isEqualTo(UnMigrantClass.LONG_TERM);
  }

  @Test
  void aResidentsAbsenceIsMeasuredTheSameWay() {
    // A Costa Rican away days 0..119: a short-term emigrant, back as a resident (not a migrant).
    List<UnOutcome> out =
        classify(new HistoryBuilder("CRI", "CRI").depart(0).arrive(120).build(), FAR);
    assertThat(out)
        .extracting(UnOutcome::unClass)
        .containsExactly(UnMigrantClass.SHORT_TERM, UnMigrantClass.NOT_MIGRANT);
    assertThat(out.get(0).durationDays()).isEqualTo(120);
    assertThat(out.get(1).residentBefore()).isTrue();
    // Away 400 days: long-term; the return is then a non-resident's long stay.
    List<UnOutcome> emigrant =
        classify(new HistoryBuilder("CRI", "CRI").depart(0).arrive(400).build(), FAR);
    assertThat(emigrant)
        .extracting(UnOutcome::unClass)
        .containsExactly(UnMigrantClass.LONG_TERM, UnMigrantClass.LONG_TERM);
  }

  @Test
  void anOngoingStayIsProvisionalUntilItReachesTwelveMonths() {
    List<HistoryEvent> h = new HistoryBuilder("CRI", "NIC").arrive(0).build();
    // End of day 200: 201 days so far, at least short-term.
    UnOutcome at200 = classify(h, day(200)).get(0);
    assertThat(at200.unClass()).isEqualTo(UnMigrantClass.PROVISIONAL);
    assertThat(at200.atLeast()).isEqualTo(UnMigrantClass.SHORT_TERM);
    assertThat(at200.durationDays()).isEqualTo(201);
    assertThat(at200.durationComplete()).isFalse();
    // End of day 363: 364 days, still provisional; end of day 364: 365, final long-term.
    assertThat(classify(h, day(363)).get(0).unClass()).isEqualTo(UnMigrantClass.PROVISIONAL);
    assertThat(classify(h, day(364)).get(0).unClass()).isEqualTo(UnMigrantClass.LONG_TERM);
  }
}
