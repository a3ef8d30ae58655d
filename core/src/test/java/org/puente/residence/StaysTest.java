package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.residence.HistoryBuilder.FAR;
import static org.puente.residence.HistoryBuilder.day;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Stays, overstays, the rolling limit, unmatched crossings and returns on hand-made histories. */
class StaysTest {

  @Test
  void staysAndOverstaysFollowTheAuthorisedStayOfEachAdmission() {
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "NIC")
            .arriveFor(0, 90) // 1
            .depart(30) // 2: 30 days, within 90
            .arriveFor(100, 90) // 3
            .depart(200) // 4: 100 days, 10 beyond day 190
            .arriveFor(300, 10) // 5: no departure before the next arrival, 20 days later
            .arrive(320) // 6
            .depart(340) // 7: 20 days, no authorised stay recorded
            .arriveFor(400, 60) // 8: still here at the end of day 500
            .build();
    List<Stay> stays = Stays.of(h, day(500));
    assertThat(stays).hasSize(5);
    assertThat(stays)
        .extracting(Stay::end)
        .containsExactly(
            Stay.End.DEPARTED,
            Stay.End.DEPARTED,
            Stay.End.DEPARTURE_MISSING,
            Stay.End.DEPARTED,
            Stay.End.OPEN);
    assertThat(stays).extracting(Stay::lengthDays).containsExactly(30, 100, 20, 20, 101);
    assertThat(stays)
        .extracting(Stay::overstay)
        .containsExactly(
            Stay.Overstay.NONE,
            Stay.Overstay.OUT_OF_COUNTRY,
            Stay.Overstay.UNDETERMINED,
            Stay.Overstay.NO_AUTHORISED_STAY,
            Stay.Overstay.SUSPECTED_IN_COUNTRY);
    // Left on day 200, allowed to leave up to day 100 + 90 = 190: 10 days late.
    assertThat(stays.get(1).authorisedUntil()).contains(day(190));
    assertThat(stays.get(1).overstayDays()).isEqualTo(10);
    assertThat(stays.get(1).endRecordId()).isEqualTo(OptionalLong.of(4));
    // Whether the traveller left by day 310 is unknown: no number.
    assertThat(stays.get(2).overstayDays()).isZero();
    assertThat(stays.get(2).endRecordId()).isEqualTo(OptionalLong.of(6));
    // In since day 400, allowed until day 460, still in at the end of day 500: leaving on day 501
    // at the earliest, a stay of at least 101 days, at least 41 days late.
    assertThat(stays.get(4).authorisedUntil()).contains(day(460));
    assertThat(stays.get(4).overstayDays()).isEqualTo(41);
    assertThat(stays.get(4).endDate()).isEmpty();
    assertThat(stays.get(4).authorisedStayDays()).isEqualTo(OptionalInt.of(60));
    // On day 459 the same stay is still within its authorised stay (60 days so far).
    assertThat(Stays.of(h, day(459)).get(4).overstay()).isEqualTo(Stay.Overstay.NONE);
    assertThat(Stays.of(h, day(460)).get(4).overstay())
        .isEqualTo(Stay.Overstay.SUSPECTED_IN_COUNTRY);
  }

  @Test
  void portsWithoutExitControlShowAsArrivalsFollowedByArrivals() {
    // Guatemala records arrivals at Tecún Umán (TUM) but not departures: two unmatched arrivals
    // there; the air departure from La Aurora (GUA) closes the last stay.
    List<HistoryEvent> h =
        new HistoryBuilder("GTM", "MEX")
            .arrive(0, "TUM")
            .arrive(40, "TUM")
            .arrive(80, "TUM")
            .depart(90, "GUA")
            .build();
    assertThat(Stays.unmatched(h, FAR))
        .containsExactly(
            new UnmatchedCrossing(
                1,
                day(0),
                Direction.ARRIVAL,
                Optional.of("TUM"),
                Optional.empty(),
                UnmatchedCrossing.Reason.ARRIVAL_FOLLOWED_BY_ARRIVAL),
            new UnmatchedCrossing(
                2,
                day(40),
                Direction.ARRIVAL,
                Optional.of("TUM"),
                Optional.empty(),
                UnmatchedCrossing.Reason.ARRIVAL_FOLLOWED_BY_ARRIVAL));
  }

  @Test
  void departuresWithoutAnArrivalBeforeThem() {
    // A resident: first record a departure (the arrival is before the data), then a trip whose
    // return was not recorded: the departure on day 30 follows the departure on day 20.
    List<HistoryEvent> h =
        new HistoryBuilder("CRI", "CRI")
            .depart(0, "SJO")
            .arrive(10, "SJO")
            .depart(20, "PEN")
            .depart(30, "PEN")
            .build();
    assertThat(Stays.unmatched(h, FAR))
        .extracting(UnmatchedCrossing::recordId, UnmatchedCrossing::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1L, UnmatchedCrossing.Reason.FIRST_CROSSING_IS_DEPARTURE),
            org.assertj.core.groups.Tuple.tuple(
                4L, UnmatchedCrossing.Reason.DEPARTURE_AFTER_DEPARTURE));
  }

  @Test
  void ninetyDaysInAnyHundredAndEightyCountEntryAndExitDays() {
    RollingLimit schengen = RollingLimit.SCHENGEN;
    // Days 0..89 present, entry and exit day included: exactly 90, allowed.
    RollingLimit.Result ninety =
        schengen.check(new HistoryBuilder("CRI", "NIC").arrive(0).depart(89).build(), FAR);
    assertThat(ninety.maxDaysInWindow()).isEqualTo(90);
    assertThat(ninety.exceeded()).isFalse();
    assertThat(ninety.daysOver()).isZero();
    // Days 0..90: 91, over on day 90.
    RollingLimit.Result ninetyOne =
        schengen.check(new HistoryBuilder("CRI", "NIC").arrive(0).depart(90).build(), FAR);
    assertThat(ninetyOne.maxDaysInWindow()).isEqualTo(91);
    assertThat(ninetyOne.firstDayOver()).contains(day(90));
    assertThat(ninetyOne.daysOver()).isEqualTo(1);
    // 60 days (0..59), then 40 (100..139): the window ending on day d in 100..139 holds
    // 60 + (d - 99) days, over 90 from d = 130; 10 days over; at most 100. A third stay of 30 days
    // (240..269) sees only 40 + 30 = 70 in its window [90, 269].
    RollingLimit.Result rolling =
        schengen.check(
            new HistoryBuilder("CRI", "NIC")
                .arrive(0)
                .depart(59)
                .arrive(100)
                .depart(139)
                .arrive(240)
                .depart(269)
                .build(),
            FAR);
    assertThat(rolling.maxDaysInWindow()).isEqualTo(100);
    assertThat(rolling.firstDayOver()).contains(day(130));
    assertThat(rolling.daysOver()).isEqualTo(10);
    // Still in at the end of day 99: 100 days, over from day 90, 10 days over so far.
    RollingLimit.Result open =
        schengen.check(new HistoryBuilder("CRI", "NIC").arrive(0).build(), day(99));
    assertThat(open.firstDayOver()).contains(day(90));
    assertThat(open.daysOver()).isEqualTo(10);
    // A configurable limit: 30 in any 60 for the same first stay of 60 days: over from day 30.
    RollingLimit.Result thirty =
        new RollingLimit(30, 60)
            .check(new HistoryBuilder("CRI", "NIC").arrive(0).depart(59).build(), FAR);
    assertThat(thirty.firstDayOver()).contains(day(30));
    assertThat(thirty.daysOver()).isEqualTo(30);
  }

  @Test
  void returnsAreLinkedToTheDepartureBeforeThem() {
    // Left on day 10, returned from the USA on day 200 (with its own arrival that day): 190 days.
    List<HistoryEvent> deported =
        new HistoryBuilder("GTM", "GTM").depart(10).returned(200, "USA").arrive(200).build();
    assertThat(Returns.link(deported, FAR))
        .containsExactly(
            new ReturnLink(
                2,
                day(200),
                Optional.of("USA"),
                ReturnLink.Status.LINKED,
                OptionalLong.of(1),
                Optional.of(day(10)),
                OptionalInt.of(190)));
    // Back on day 50 and recorded in the country; the exit that led to the return was irregular.
    List<HistoryEvent> irregular =
        new HistoryBuilder("GTM", "GTM").depart(10).arrive(50).returned(200, "MEX").build();
    ReturnLink unlinked = Returns.link(irregular, FAR).get(0);
    assertThat(unlinked.status()).isEqualTo(ReturnLink.Status.ARRIVAL_SINCE_LAST_DEPARTURE);
    assertThat(unlinked.daysAbroad()).isEmpty();
    // No crossing at all before the return.
    List<HistoryEvent> only = new HistoryBuilder("HND", "HND").returned(5, "MEX").build();
    assertThat(Returns.link(only, FAR))
        .extracting(ReturnLink::status)
        .containsExactly(ReturnLink.Status.NO_EARLIER_DEPARTURE);
    // Returns after asOf are not there yet.
    assertThat(Returns.link(deported, day(199))).isEmpty();
  }
}
