package org.puente.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.puente.schema.EventKind;

/** Hand-written histories for tests: days counted from {@link #D0}, record ids in call order. */
final class HistoryBuilder {

  static final LocalDate D0 = LocalDate.of(2023, 1, 1);
  static final LocalDate FAR = LocalDate.of(2030, 1, 1);

  private final String country;
  private String citizenship;
  private String declared;
  private final List<HistoryEvent> events = new ArrayList<>();
  private long nextId = 1;

  HistoryBuilder(String country, String citizenship) {
    this.country = country;
    this.citizenship = citizenship;
  }

  static LocalDate day(int day) {
    return D0.plusDays(day);
  }

  /** Later records declare this country of residence (null: none). */
  HistoryBuilder declaring(String residence) {
    declared = residence;
    return this;
  }

  HistoryBuilder citizen(String code) {
    citizenship = code;
    return this;
  }

  /** Next record id (to make same-second ties with a chosen record order). */
  HistoryBuilder id(long id) {
    nextId = id;
    return this;
  }

  HistoryBuilder arrive(int day) {
    return crossing(day, 0, Direction.ARRIVAL, "SJO", null);
  }

  HistoryBuilder arrive(int day, String port) {
    return crossing(day, 0, Direction.ARRIVAL, port, null);
  }

  HistoryBuilder arriveFor(int day, int authorisedDays) {
    return crossing(day, 0, Direction.ARRIVAL, "SJO", authorisedDays);
  }

  HistoryBuilder depart(int day) {
    return crossing(day, 0, Direction.DEPARTURE, "SJO", null);
  }

  HistoryBuilder depart(int day, String port) {
    return crossing(day, 0, Direction.DEPARTURE, port, null);
  }

  HistoryBuilder arriveAt(int day, int hour) {
    return crossing(day, hour, Direction.ARRIVAL, "SJO", null);
  }

  HistoryBuilder departAt(int day, int hour) {
    return crossing(day, hour, Direction.DEPARTURE, "SJO", null);
  }

  HistoryBuilder arriveOn(LocalDate date) {
    return arrive((int) (date.toEpochDay() - D0.toEpochDay()));
  }

  HistoryBuilder departOn(LocalDate date) {
    return depart((int) (date.toEpochDay() - D0.toEpochDay()));
  }

  HistoryBuilder returned(int day, String from) {
    LocalDate date = day(day);
    events.add(
        new HistoryEvent(
            nextId++,
            EventKind.RETURN_OF_NATIONAL,
            date,
            date.toEpochDay() * 86_400L,
            null,
            "SJO",
            country,
            citizenship,
            declared,
            null,
            from));
    return this;
  }

  private HistoryBuilder crossing(
      int day, int hour, Direction direction, String port, Integer authorised) {
    LocalDate date = day(day);
    events.add(
        new HistoryEvent(
            nextId++,
            EventKind.BORDER_CROSSING,
            date,
            date.toEpochDay() * 86_400L + hour * 3600L,
            direction,
            port,
            country,
            citizenship,
            declared,
            authorised,
            null));
    return this;
  }

  List<HistoryEvent> build() {
    List<HistoryEvent> sorted = new ArrayList<>(events);
    sorted.sort(
        Comparator.comparingLong(HistoryEvent::eventSecond)
            .thenComparingLong(HistoryEvent::recordId));
    return List.copyOf(sorted);
  }
}
