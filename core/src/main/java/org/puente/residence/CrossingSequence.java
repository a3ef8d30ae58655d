package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One traveller's border crossings in one country, checked and put in the order the residence
 * functions use, with the days on which the traveller is in the country.
 *
 * <p>Location: after an arrival the traveller is in the country, after a departure outside; the
 * last crossing of a day decides where the traveller is at the end of that day. Before the first
 * crossing the traveller is inside exactly when that crossing is a departure.
 *
 * <p>Crossings at the same second (in practice: records without a time on the same day) are put in
 * the order that alternates with the location before them: a traveller inside leaves and then
 * enters (a day trip out), a traveller outside enters and then leaves (a day visit or a transit).
 * Crossings at different times keep their time order. Records after {@code asOf} are ignored.
 */
final class CrossingSequence {

  final String country;
  final List<HistoryEvent> events;
  final HistoryEvent[] crossings;
  final long[] days;
  final boolean[] arrival;

  /** Latest declared country of residence at or before each crossing, or null. */
  final String[] declaredResidence;

  /** Citizenship at each crossing (its own, else the latest earlier, else the first known). */
  final String[] citizenship;

  final long asOf;

  CrossingSequence(List<HistoryEvent> history, LocalDate asOfDate) {
    requireNonNull(history, "history is null");
    requireNonNull(asOfDate, "asOf is null");
    asOf = asOfDate.toEpochDay();
    List<HistoryEvent> kept = new ArrayList<>(history.size());
    HistoryEvent previous = null;
    String reporting = null;
    for (HistoryEvent event : history) {
      requireNonNull(event, "history holds a null event");
      if (previous != null
          && (event.eventSecond() < previous.eventSecond()
              || (event.eventSecond() == previous.eventSecond()
                  && event.recordId() <= previous.recordId()))) {
        throw new IllegalArgumentException(
            "history is not ordered by (eventSecond, recordId) at record " + event.recordId());
      }
      if (reporting != null && !reporting.equals(event.reportingCountry())) {
        throw new IllegalArgumentException(
            "history mixes reporting countries " + reporting + " and " + event.reportingCountry());
      }
      reporting = event.reportingCountry();
      previous = event;
      if (event.date().toEpochDay() <= asOf) {
        kept.add(event);
      }
    }
    country = reporting;
    events = List.copyOf(kept);
    String firstCitizenship = null;
    for (HistoryEvent event : events) {
      if (event.citizenship() != null) {
        firstCitizenship = event.citizenship();
        break;
      }
    }
    List<HistoryEvent> ordered = new ArrayList<>();
    List<String> declared = new ArrayList<>();
    List<String> citizen = new ArrayList<>();
    String lastDeclared = null;
    String lastCitizenship = null;
    int groupStart = 0;
    for (HistoryEvent event : events) {
      if (event.countryOfResidence() != null) {
        lastDeclared = event.countryOfResidence();
      }
      if (event.citizenship() != null) {
        lastCitizenship = event.citizenship();
      }
      if (!event.isCrossing()) {
        continue;
      }
      if (!ordered.isEmpty()
          && ordered.get(ordered.size() - 1).eventSecond() != event.eventSecond()) {
        alternate(ordered, groupStart);
        groupStart = ordered.size();
      }
      ordered.add(event);
      declared.add(lastDeclared);
      citizen.add(lastCitizenship != null ? lastCitizenship : firstCitizenship);
    }
    alternate(ordered, groupStart);
    int n = ordered.size();
    crossings = ordered.toArray(new HistoryEvent[0]);
    declaredResidence = declared.toArray(new String[0]);
    citizenship = citizen.toArray(new String[0]);
    days = new long[n];
    arrival = new boolean[n];
    for (int i = 0; i < n; i++) {
      days[i] = crossings[i].date().toEpochDay();
      arrival[i] = crossings[i].direction() == Direction.ARRIVAL;
    }
  }

  int size() {
    return crossings.length;
  }

  /**
   * Reorders the crossings of one second, from {@code start} to the end of {@code ordered}, so that
   * they alternate with the location before them (see the class comment).
   */
  private static void alternate(List<HistoryEvent> ordered, int start) {
    int end = ordered.size();
    if (end - start < 2 || start == 0) {
      return; // one crossing, or no earlier location to alternate with: keep the record order
    }
    List<HistoryEvent> rest = new ArrayList<>(ordered.subList(start, end));
    boolean wantArrival = ordered.get(start - 1).direction() == Direction.DEPARTURE;
    for (int k = start; k < end; k++) {
      int pick = 0;
      for (int r = 0; r < rest.size(); r++) {
        if ((rest.get(r).direction() == Direction.ARRIVAL) == wantArrival) {
          pick = r;
          break;
        }
      }
      HistoryEvent chosen = rest.remove(pick);
      ordered.set(k, chosen);
      wantArrival = chosen.direction() == Direction.DEPARTURE;
    }
  }

  /** Index of the last crossing on or before {@code day}, or -1. */
  int lastOnOrBefore(long day) {
    int lo = 0;
    int hi = days.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (days[mid] <= day) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Whether the traveller is in the country at the end of {@code day}. */
  boolean insideAtEndOf(long day) {
    int i = lastOnOrBefore(day);
    if (i < 0) {
      return days.length > 0 && !arrival[0];
    }
    return arrival[i];
  }

  /** Days in {@code [from, to]} at whose end the traveller is in the country. */
  int presentDays(long from, long to) {
    if (to < from) {
      return 0;
    }
    boolean inside = insideAtEndOf(from);
    long segmentStart = from;
    int present = 0;
    int n = days.length;
    for (int j = lastOnOrBefore(from) + 1; j < n && days[j] <= to; j++) {
      while (j + 1 < n && days[j + 1] == days[j]) {
        j++;
      }
      if (inside) {
        present += (int) (days[j] - segmentStart);
      }
      segmentStart = days[j];
      inside = arrival[j];
    }
    if (inside) {
      present += (int) (to - segmentStart + 1);
    }
    return present;
  }

  /**
   * Days in {@code [from, to]} whose location the records leave open: those after a crossing that
   * the next crossing repeats (an arrival followed by another arrival, so a departure went
   * unrecorded somewhere between them, or a departure followed by another departure), when that
   * next crossing is on or before {@code known}, the last day whose records are seen. The traveller
   * is counted inside (or outside) on such days by {@link #presentDays}, but when the gap was left
   * cannot be told: a port without exit control, an irregular crossing, a lost record.
   */
  int unknownDays(long from, long to, long known) {
    return unknownDays(from, to, known, null);
  }

  /**
   * The {@link #unknownDays} after an arrival followed by another arrival: those {@link
   * #presentDays} counts as present.
   */
  int unknownInside(long from, long to, long known) {
    return unknownDays(from, to, known, Boolean.TRUE);
  }

  /** Unknown days after a repeated arrival (TRUE), departure (FALSE) or either (null). */
  private int unknownDays(long from, long to, long known, Boolean afterArrival) {
    if (to < from) {
      return 0;
    }
    int n = days.length;
    int unknown = 0;
    int j = lastOnOrBefore(from);
    if (j < 0) {
      return 0; // before the first crossing: nothing repeats
    }
    long segmentStart = from;
    while (true) {
      while (j + 1 < n && days[j + 1] == days[j]) {
        j++;
      }
      int next = j + 1;
      if (next >= n || days[next] > known) {
        return unknown; // the last segment: where the traveller is follows the last crossing
      }
      long segmentEnd = Math.min(days[next] - 1, to);
      if (arrival[j] == arrival[next]
          && (afterArrival == null || afterArrival == arrival[j])
          && segmentEnd >= segmentStart) {
        unknown += (int) (segmentEnd - segmentStart + 1);
      }
      if (days[next] > to) {
        return unknown;
      }
      segmentStart = days[next];
      j = next;
    }
  }

  /**
   * The first day after crossing {@code index}'s day, or that day itself, at whose end the
   * traveller's location is {@code inside}, looking only at days up to {@code asOf}; -1 when there
   * is none.
   */
  long firstDayEnding(int index, boolean inside) {
    long day = days[index];
    int n = days.length;
    int j = index;
    while (j + 1 < n && days[j + 1] == day) {
      j++;
    }
    while (true) {
      if (arrival[j] == inside) {
        return days[j];
      }
      j++;
      if (j >= n) {
        return -1;
      }
      while (j + 1 < n && days[j + 1] == days[j]) {
        j++;
      }
    }
  }
}
