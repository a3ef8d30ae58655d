package org.puente.hub.agreement;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a linkage found, by month: pairs (by the month of the A event), A records left unmatched
 * (their month) and B records left unmatched (the month of the B event, since they have no A).
 * Counts only; never which records.
 */
public record LinkCounts(SortedMap<YearMonth, Counts> byMonth) {

  /** One month's counts. */
  public record Counts(long matched, long aUnmatched, long bUnmatched) {}

  public LinkCounts {
    requireNonNull(byMonth, "byMonth is null");
    byMonth = Collections.unmodifiableSortedMap(new TreeMap<>(byMonth));
  }

  public long matched() {
    return byMonth.values().stream().mapToLong(Counts::matched).sum();
  }

  public long aUnmatched() {
    return byMonth.values().stream().mapToLong(Counts::aUnmatched).sum();
  }

  public long bUnmatched() {
    return byMonth.values().stream().mapToLong(Counts::bUnmatched).sum();
  }

  static LinkCounts of(Map<YearMonth, long[]> counts) {
    SortedMap<YearMonth, Counts> months = new TreeMap<>();
    counts.forEach((month, c) -> months.put(month, new Counts(c[0], c[1], c[2])));
    return new LinkCounts(months);
  }
}
