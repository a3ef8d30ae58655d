package org.puente.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Stays, overstays and unmatched crossings of one traveller in one country. Crossings are taken in
 * the order of {@link CrossingSequence} (same-second crossings alternate); records after {@code
 * asOf} are ignored.
 */
public final class Stays {

  private Stays() {}

  /** Every arrival's stay, in arrival order. */
  public static List<Stay> of(List<HistoryEvent> history, LocalDate asOf) {
    CrossingSequence sequence = new CrossingSequence(history, asOf);
    List<Stay> stays = new ArrayList<>();
    for (int i = 0; i < sequence.size(); i++) {
      if (sequence.arrival[i]) {
        stays.add(stay(sequence, i));
      }
    }
    return stays;
  }

  /** Every crossing without its partner, in crossing order. */
  public static List<UnmatchedCrossing> unmatched(List<HistoryEvent> history, LocalDate asOf) {
    CrossingSequence sequence = new CrossingSequence(history, asOf);
    List<UnmatchedCrossing> result = new ArrayList<>();
    for (int i = 0; i < sequence.size(); i++) {
      UnmatchedCrossing.Reason reason = null;
      if (sequence.arrival[i]) {
        if (i + 1 < sequence.size() && sequence.arrival[i + 1]) {
          reason = UnmatchedCrossing.Reason.ARRIVAL_FOLLOWED_BY_ARRIVAL;
        }
      } else if (i == 0) {
        reason = UnmatchedCrossing.Reason.FIRST_CROSSING_IS_DEPARTURE;
      } else if (!sequence.arrival[i - 1]) {
        reason = UnmatchedCrossing.Reason.DEPARTURE_AFTER_DEPARTURE;
      }
      if (reason != null) {
        HistoryEvent c = sequence.crossings[i];
        result.add(
            new UnmatchedCrossing(
                c.recordId(),
                c.date(),
                c.direction(),
                Optional.ofNullable(c.port()),
                Optional.ofNullable(c.counterpartCountry()),
                reason));
      }
    }
    return result;
  }

  private static Stay stay(CrossingSequence sequence, int i) {
    HistoryEvent arrival = sequence.crossings[i];
    long arrived = sequence.days[i];
    boolean last = i + 1 >= sequence.size();
    Stay.End end;
    int length;
    if (last) {
      end = Stay.End.OPEN;
      length = (int) (sequence.asOf - arrived + 1);
    } else {
      end = sequence.arrival[i + 1] ? Stay.End.DEPARTURE_MISSING : Stay.End.DEPARTED;
      length = (int) (sequence.days[i + 1] - arrived);
    }
    Integer authorised = arrival.authorisedStayDays();
    Stay.Overstay overstay;
    int overstayDays = 0;
    if (authorised == null) {
      overstay = Stay.Overstay.NO_AUTHORISED_STAY;
    } else if (length <= authorised) {
      overstay = Stay.Overstay.NONE;
    } else {
      overstay =
          switch (end) {
            case DEPARTED -> Stay.Overstay.OUT_OF_COUNTRY;
            case OPEN -> Stay.Overstay.SUSPECTED_IN_COUNTRY;
            case DEPARTURE_MISSING -> Stay.Overstay.UNDETERMINED;
          };
      overstayDays = overstay == Stay.Overstay.UNDETERMINED ? 0 : length - authorised;
    }
    HistoryEvent next = last ? null : sequence.crossings[i + 1];
    return new Stay(
        arrival.recordId(),
        arrival.date(),
        Optional.ofNullable(arrival.port()),
        end,
        next == null ? OptionalLong.empty() : OptionalLong.of(next.recordId()),
        next == null ? Optional.empty() : Optional.of(next.date()),
        length,
        authorised == null ? OptionalInt.empty() : OptionalInt.of(authorised),
        authorised == null ? Optional.empty() : Optional.of(arrival.date().plusDays(authorised)),
        overstay,
        overstayDays);
  }
}
