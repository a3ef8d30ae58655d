package org.puente.derive;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.puente.residence.Direction;
import org.puente.residence.ResidenceClass;

/**
 * A run's revisions against the previous run ({@link MonthRevision}), counted crossing by crossing
 * from the class each run gave it: one counter for every engine. The migrants are summed in
 * thousandths, as whole numbers, so the sums do not depend on the order the crossings come in (the
 * engines visit them in different orders); the result is divided once.
 */
public final class RevisionCounts {

  /** One migrant, in thousandths. */
  private static final long WHOLE = 1000;

  private final Map<String, long[]> cells = new TreeMap<>();
  private final Map<String, long[]> migrants = new HashMap<>();

  /**
   * Counts one crossing.
   *
   * @param date the crossing's day
   * @param direction its direction
   * @param now its class in this run
   * @param permille for a provisional crossing, its predicted probability in thousandths, else null
   * @param previousClass its class in the previous run, null when that run did not have it
   * @param previousPermille the previous run's probability in thousandths when it was provisional
   */
  public void crossing(
      LocalDate date,
      Direction direction,
      ResidenceClass now,
      Integer permille,
      String previousClass,
      int previousPermille) {
    String month = YearMonth.from(date) + " " + direction.name();
    long[] counts = cells.computeIfAbsent(month, m -> new long[5]);
    long[] weights = migrants.computeIfAbsent(month, m -> new long[2]);
    if (previousClass == null) {
      counts[4]++;
      return;
    }
    counts[0]++;
    boolean wasProvisional = previousClass.equals(ResidenceClass.PROVISIONAL.name());
    if (!now.name().equals(previousClass)) {
      counts[1]++;
      if (wasProvisional) {
        counts[2]++;
      } else if (now != ResidenceClass.PROVISIONAL) {
        counts[3]++;
      }
    }
    weights[0] +=
        wasProvisional
            ? previousPermille
            : ResidenceClass.valueOf(previousClass).isMigrant() ? WHOLE : 0;
    weights[1] += permille != null ? permille : now.isMigrant() ? WHOLE : 0;
  }

  /** The revisions by month and direction, in that order. */
  public List<MonthRevision> revisions() {
    List<MonthRevision> revisions = new ArrayList<>();
    for (Map.Entry<String, long[]> month : cells.entrySet()) {
      String[] parts = month.getKey().split(" ");
      long[] counts = month.getValue();
      long[] weights = migrants.get(month.getKey());
      revisions.add(
          new MonthRevision(
              YearMonth.parse(parts[0]),
              parts[1],
              counts[0],
              counts[1],
              counts[2],
              counts[3],
              counts[4],
              weights[0] / (double) WHOLE,
              weights[1] / (double) WHOLE));
    }
    return revisions;
  }
}
