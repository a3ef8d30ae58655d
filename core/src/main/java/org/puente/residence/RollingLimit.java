package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A short-stay limit of {@code limitDays} in any {@code windowDays} consecutive days (the Schengen
 * 90/180 rule, Regulation (EU) 2016/399 art. 6). Days are counted as that rule counts them: every
 * day on which the traveller is in the country for any part of it, the entry and exit days
 * included. The traveller is in the country from an arrival to the next departure (through arrivals
 * in between: the departure was missed), to {@code asOf} when no departure follows; a departure
 * with no arrival before it counts its own day.
 *
 * @param limitDays days allowed in any window; default 90
 * @param windowDays length of the rolling window; default 180
 */
public record RollingLimit(int limitDays, int windowDays) {

  /** 90 days in any 180. */
  public static final RollingLimit SCHENGEN = new RollingLimit(90, 180);

  public RollingLimit {
    if (limitDays < 1 || windowDays <= limitDays) {
      throw new IllegalArgumentException(
          "need 0 < limitDays < windowDays: " + limitDays + ", " + windowDays);
    }
  }

  /**
   * The result of the check.
   *
   * @param maxDaysInWindow the most days present in any window ending on or before {@code asOf}
   * @param firstDayOver the first day on which the days present in the window ending that day
   *     exceed the limit, if any
   * @param daysOver days present on which the window ending that day holds more than the limit
   */
  public record Result(int maxDaysInWindow, Optional<LocalDate> firstDayOver, int daysOver) {
    public Result {
      requireNonNull(firstDayOver, "firstDayOver is null");
    }

    public boolean exceeded() {
      return firstDayOver.isPresent();
    }
  }

  /** Checks one traveller's history up to {@code asOf}. */
  public Result check(List<HistoryEvent> history, LocalDate asOf) {
    CrossingSequence sequence = new CrossingSequence(history, asOf);
    List<long[]> intervals = presence(sequence);
    int n = intervals.size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    long[] before = new long[n]; // days present in the intervals before this one
    long total = 0;
    for (int k = 0; k < n; k++) {
      starts[k] = intervals.get(k)[0];
      ends[k] = intervals.get(k)[1];
      before[k] = total;
      total += ends[k] - starts[k] + 1;
    }
    int max = 0;
    LocalDate firstOver = null;
    int daysOver = 0;
    for (int k = 0; k < n; k++) {
      // Inside a present interval the window count never falls (a day is gained, at most one
      // lost), so its maximum is at the interval's end and the days over are a suffix.
      int atEnd = windowCount(starts, ends, before, ends[k]);
      max = Math.max(max, atEnd);
      if (atEnd > limitDays) {
        long lo = starts[k];
        long hi = ends[k];
        while (lo < hi) {
          long mid = lo + (hi - lo) / 2;
          if (windowCount(starts, ends, before, mid) > limitDays) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        if (firstOver == null) {
          firstOver = LocalDate.ofEpochDay(lo);
        }
        daysOver += (int) (ends[k] - lo + 1);
      }
    }
    return new Result(max, Optional.ofNullable(firstOver), daysOver);
  }

  /** Days present in the window ending on {@code day}. */
  private int windowCount(long[] starts, long[] ends, long[] before, long day) {
    return (int)
        (presentUpTo(starts, ends, before, day)
            - presentUpTo(starts, ends, before, day - windowDays));
  }

  /** Days present on or before {@code day}. */
  private static long presentUpTo(long[] starts, long[] ends, long[] before, long day) {
    int lo = 0;
    int hi = starts.length - 1;
    int k = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= day) {
        k = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (k < 0) {
      return 0;
    }
    return before[k] + Math.min(ends[k], day) - starts[k] + 1;
  }

  /** Disjoint, ordered, non-adjacent day intervals [start, end] of presence. */
  private static List<long[]> presence(CrossingSequence sequence) {
    List<long[]> raw = new ArrayList<>();
    int n = sequence.size();
    int i = 0;
    while (i < n) {
      if (!sequence.arrival[i]) {
        raw.add(new long[] {sequence.days[i], sequence.days[i]});
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && sequence.arrival[j]) {
        j++;
      }
      long end = j < n ? sequence.days[j] : sequence.asOf;
      raw.add(new long[] {sequence.days[i], end});
      i = j + 1;
    }
    List<long[]> merged = new ArrayList<>();
    for (long[] interval : raw) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && interval[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], interval[1]);
      } else {
        merged.add(interval.clone());
      }
    }
    return merged;
  }
}
