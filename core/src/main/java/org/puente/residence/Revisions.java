package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Compares the outcomes of two runs (e.g. last month's and this month's), record by record. */
public final class Revisions {

  private Revisions() {}

  /**
   * One revision per record in either run: the later run's records in its order, then the records
   * only the earlier run holds, in its order.
   */
  public static List<Revision> compare(
      List<CrossingOutcome> previous, List<CrossingOutcome> current) {
    Map<Long, CrossingOutcome> before = byRecord(previous, "previous");
    Map<Long, CrossingOutcome> now = byRecord(current, "current");
    List<Revision> revisions = new ArrayList<>(Math.max(before.size(), now.size()));
    for (CrossingOutcome outcome : now.values()) {
      revisions.add(
          new Revision(
              outcome.recordId(),
              Optional.ofNullable(before.get(outcome.recordId())),
              Optional.of(outcome)));
    }
    for (CrossingOutcome outcome : before.values()) {
      if (!now.containsKey(outcome.recordId())) {
        revisions.add(new Revision(outcome.recordId(), Optional.of(outcome), Optional.empty()));
      }
    }
    return revisions;
  }

  /** The revisions summed by month of crossing and direction, months in order. */
  public static List<MonthRevisions> byMonth(List<Revision> revisions) {
    requireNonNull(revisions, "revisions is null");
    Map<YearMonth, int[][]> counts = new TreeMap<>();
    Map<YearMonth, double[][]> expected = new TreeMap<>();
    for (Revision r : revisions) {
      int d = r.direction().ordinal();
      int[] c = counts.computeIfAbsent(r.month(), m -> new int[2][6])[d];
      double[] e = expected.computeIfAbsent(r.month(), m -> new double[2][2])[d];
      switch (r.kind()) {
        case ADDED -> c[4]++;
        case REMOVED -> c[5]++;
        case UNCHANGED -> c[0]++;
        case FINALISED -> {
          c[0]++;
          c[2]++;
        }
        case REVERSED -> {
          c[0]++;
          c[3]++;
        }
      }
      r.previous().ifPresent(o -> e[0] += o.migrantProbability());
      r.current().ifPresent(o -> e[1] += o.migrantProbability());
    }
    List<MonthRevisions> result = new ArrayList<>();
    for (Map.Entry<YearMonth, int[][]> entry : counts.entrySet()) {
      for (Direction direction : Direction.values()) {
        int[] c = entry.getValue()[direction.ordinal()];
        double[] e = expected.get(entry.getKey())[direction.ordinal()];
        if (c[0] + c[4] + c[5] == 0) {
          continue;
        }
        result.add(
            new MonthRevisions(
                entry.getKey(), direction, c[0], c[2] + c[3], c[2], c[3], c[4], c[5], e[0], e[1]));
      }
    }
    return result;
  }

  private static Map<Long, CrossingOutcome> byRecord(List<CrossingOutcome> outcomes, String name) {
    requireNonNull(outcomes, name + " is null");
    Map<Long, CrossingOutcome> map = new LinkedHashMap<>();
    for (CrossingOutcome outcome : outcomes) {
      if (map.put(outcome.recordId(), outcome) != null) {
        throw new IllegalArgumentException(name + " holds record " + outcome.recordId() + " twice");
      }
    }
    return map;
  }
}
