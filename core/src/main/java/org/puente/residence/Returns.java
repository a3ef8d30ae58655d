package org.puente.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.puente.schema.EventKind;

/**
 * Links returns of nationals ({@link EventKind#RETURN_OF_NATIONAL}) to the traveller's departure.
 * The departure linked is the last crossing on a day before the return's day, when it is a
 * departure; crossings on the return's day are the return's own arrival and are not looked at.
 */
public final class Returns {

  private Returns() {}

  /** One link per return up to {@code asOf}, in record order. */
  public static List<ReturnLink> link(List<HistoryEvent> history, LocalDate asOf) {
    CrossingSequence sequence = new CrossingSequence(history, asOf);
    List<ReturnLink> links = new ArrayList<>();
    for (HistoryEvent event : sequence.events) {
      if (event.kind() != EventKind.RETURN_OF_NATIONAL) {
        continue;
      }
      long day = event.date().toEpochDay();
      int last = sequence.lastOnOrBefore(day - 1);
      Optional<String> from = Optional.ofNullable(event.counterpartCountry());
      if (last >= 0 && !sequence.arrival[last]) {
        HistoryEvent departure = sequence.crossings[last];
        links.add(
            new ReturnLink(
                event.recordId(),
                event.date(),
                from,
                ReturnLink.Status.LINKED,
                OptionalLong.of(departure.recordId()),
                Optional.of(departure.date()),
                OptionalInt.of((int) (day - sequence.days[last]))));
        continue;
      }
      boolean departed = false;
      for (int i = 0; i < last; i++) {
        departed |= !sequence.arrival[i];
      }
      links.add(
          new ReturnLink(
              event.recordId(),
              event.date(),
              from,
              departed
                  ? ReturnLink.Status.ARRIVAL_SINCE_LAST_DEPARTURE
                  : ReturnLink.Status.NO_EARLIER_DEPARTURE,
              OptionalLong.empty(),
              Optional.empty(),
              OptionalInt.empty()));
    }
    return links;
  }
}
