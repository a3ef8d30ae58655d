package org.puente.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deliberately slow, independent reading of docs/RESIDENCE.md: where the traveller is at the end
 * of every day, then every window, stay and rolling count walked one day at a time.
 */
final class NaiveResidence {

  /** What the reference computes for one crossing of the 12/16-month rule. */
  record Outcome(
      long recordId,
      ResidenceClass residenceClass,
      ResidenceClass predictedClass,
      double probability,
      boolean residentBefore,
      int counted,
      int observed,
      boolean dependent) {

    static Outcome of(CrossingOutcome o) {
      return new Outcome(
          o.recordId(),
          o.residenceClass(),
          o.predictedClass(),
          o.migrantProbability(),
          o.residentBefore(),
          o.daysCounted(),
          o.daysObserved(),
          o.dependsOnProvisional());
    }
  }

  private final List<HistoryEvent> events = new ArrayList<>();
  private final List<HistoryEvent> crossings = new ArrayList<>();
  private final String country;
  private final long first;
  private final long asOf;

  /** inside[k]: in the country at the end of day first + k. */
  private final boolean[] inside;

  /** touched[k]: some crossing on day first + k. */
  private final boolean[] touched;

  /**
   * open[k]: the location at the end of day first + k is not known, since the last crossing on or
   * before it and the next crossing after it go the same way (one between them went unrecorded).
   */
  private final boolean[] open;

  NaiveResidence(List<HistoryEvent> history, LocalDate asOfDate) {
    asOf = asOfDate.toEpochDay();
    for (HistoryEvent e : history) {
      if (e.date().toEpochDay() <= asOf) {
        events.add(e);
      }
    }
    country = history.get(0).reportingCountry();
    // Same-second groups: alternate with the location before, starting with the other direction.
    int k = 0;
    List<HistoryEvent> all = events.stream().filter(HistoryEvent::isCrossing).toList();
    while (k < all.size()) {
      int end = k;
      while (end < all.size() && all.get(end).eventSecond() == all.get(k).eventSecond()) {
        end++;
      }
      List<HistoryEvent> group = all.subList(k, end);
      if (crossings.isEmpty()) {
        crossings.addAll(group);
      } else {
        List<HistoryEvent> in = new ArrayList<>();
        List<HistoryEvent> out = new ArrayList<>();
        for (HistoryEvent e : group) {
          (e.direction() == Direction.ARRIVAL ? in : out).add(e);
        }
        boolean takeArrival =
            crossings.get(crossings.size() - 1).direction() == Direction.DEPARTURE;
        while (!in.isEmpty() && !out.isEmpty()) {
          crossings.add((takeArrival ? in : out).remove(0));
          takeArrival = !takeArrival;
        }
        crossings.addAll(in);
        crossings.addAll(out);
      }
      k = end;
    }
    first = crossings.isEmpty() ? asOf : crossings.get(0).date().toEpochDay();
    int span = (int) (asOf - first + 1);
    inside = new boolean[Math.max(span, 0)];
    touched = new boolean[Math.max(span, 0)];
    open = new boolean[Math.max(span, 0)];
    boolean where = false;
    int next = 0;
    for (int d = 0; d < span; d++) {
      while (next < crossings.size() && crossings.get(next).date().toEpochDay() == first + d) {
        where = crossings.get(next).direction() == Direction.ARRIVAL;
        touched[d] = true;
        next++;
      }
      inside[d] = where;
      open[d] =
          next > 0
              && next < crossings.size()
              && crossings.get(next - 1).direction() == crossings.get(next).direction();
    }
  }

  private boolean insideOn(long day) {
    return inside[(int) (day - first)];
  }

  private boolean[] evidence(HistoryEvent crossing, ResidenceRules rules) {
    int at = events.indexOf(crossing);
    for (ResidenceRules.Evidence source : rules.evidence()) {
      String value = null;
      for (int i = at; i >= 0 && value == null; i--) {
        value =
            source == ResidenceRules.Evidence.DECLARED_RESIDENCE
                ? events.get(i).countryOfResidence()
                : events.get(i).citizenship();
      }
      if (value == null && source == ResidenceRules.Evidence.CITIZENSHIP) {
        value =
            events.stream()
                .map(HistoryEvent::citizenship)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
      }
      if (value != null) {
        return new boolean[] {value.equals(country)};
      }
    }
    return new boolean[] {rules.residentWhenUnknown()};
  }

  private String citizenshipAt(HistoryEvent crossing) {
    int at = events.indexOf(crossing);
    for (int i = at; i >= 0; i--) {
      if (events.get(i).citizenship() != null) {
        return events.get(i).citizenship();
      }
    }
    return events.stream()
        .map(HistoryEvent::citizenship)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  List<Outcome> twelveSixteen(ResidenceRules rules, MigrantRateModel model) {
    List<Outcome> result = new ArrayList<>();
    Boolean afterMigrant = null;
    boolean dependent = false;
    for (HistoryEvent c : crossings) {
      boolean arrival = c.direction() == Direction.ARRIVAL;
      boolean resident = afterMigrant != null ? afterMigrant : evidence(c, rules)[0];
      long start = c.date().toEpochDay();
      long end = c.date().plusMonths(rules.windowMonths()).toEpochDay();
      int counted = 0;
      int observed = 0;
      int unseen = 0;
      int unknown = 0;
      for (long day = start; day < end; day++) {
        if (day > asOf) {
          unseen++;
        } else {
          observed++;
          if (open[(int) (day - first)]) {
            unknown++;
          } else if (insideOn(day) == arrival) {
            counted++;
          }
        }
      }
      boolean candidate = arrival != resident;
      double p;
      boolean decided = true;
      if (!candidate) {
        p = 0;
      } else if (counted >= rules.thresholdDays()) {
        p = 1;
      } else if (counted + unknown + unseen < rules.thresholdDays()) {
        p = 0;
      } else {
        decided = false;
        p =
            model.probability(
                new OutcomeFeatures(
                    c.direction(),
                    country.equals(citizenshipAt(c)),
                    (int) Math.min(16, (asOf - start) / 30),
                    insideOn(asOf) == arrival,
                    Math.min(16, counted / 30),
                    arrival ? OutcomeFeatures.authorisedBand(c.authorisedStayDays()) : 0));
      }
      ResidenceClass predicted = ResidenceClass.of(c.direction(), p >= 0.5);
      boolean provisional = dependent || !decided;
      result.add(
          new Outcome(
              c.recordId(),
              provisional ? ResidenceClass.PROVISIONAL : predicted,
              predicted,
              p,
              resident,
              counted,
              observed,
              dependent));
      if (candidate && p >= 0.5) {
        afterMigrant = arrival;
      }
      dependent |= provisional;
    }
    return result;
  }

  /** The UN classes: [recordId, class ordinal, atLeast ordinal, duration, complete (0/1)]. */
  List<long[]> un(UnDurationRules durations, ResidenceRules rules) {
    List<long[]> result = new ArrayList<>();
    Boolean afterLongTerm = null;
    boolean dependent = false;
    for (HistoryEvent c : crossings) {
      boolean arrival = c.direction() == Direction.ARRIVAL;
      boolean resident = afterLongTerm != null ? afterLongTerm : evidence(c, rules)[0];
      long start = c.date().toEpochDay();
      long day = start;
      while (day <= asOf && insideOn(day) == arrival) {
        day++;
      }
      boolean complete = day <= asOf;
      int duration = (int) (day - start);
      boolean candidate = arrival != resident;
      UnMigrantClass reached =
          !candidate || duration < durations.shortTermDays()
              ? UnMigrantClass.NOT_MIGRANT
              : duration < durations.longTermDays()
                  ? UnMigrantClass.SHORT_TERM
                  : UnMigrantClass.LONG_TERM;
      boolean provisional =
          dependent || (candidate && !complete && reached != UnMigrantClass.LONG_TERM);
      result.add(
          new long[] {
            c.recordId(),
            (provisional ? UnMigrantClass.PROVISIONAL : reached).ordinal(),
            reached.ordinal(),
            duration,
            complete ? 1 : 0
          });
      if (candidate && reached == UnMigrantClass.LONG_TERM) {
        afterLongTerm = arrival;
      }
      dependent |= provisional;
    }
    return result;
  }

  /** [max days in a window, first day over (epoch day, or -1), days over]. */
  long[] rollingLimit(RollingLimit limit) {
    long max = 0;
    long firstOver = -1;
    long daysOver = 0;
    for (int k = 0; k < inside.length; k++) {
      int count = 0;
      for (int j = Math.max(0, k - limit.windowDays() + 1); j <= k; j++) {
        if (inside[j] || touched[j]) {
          count++;
        }
      }
      max = Math.max(max, count);
      if (count > limit.limitDays() && (inside[k] || touched[k])) {
        daysOver++;
        if (firstOver < 0) {
          firstOver = first + k;
        }
      }
    }
    return new long[] {max, firstOver, daysOver};
  }
}
