package org.puente.hub.agreement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.puente.exchange.Agreement;

/**
 * Links the two sides of an agreement on their per-agreement tokens (docs/EXCHANGE.md). A record of
 * A may link a record of B when any agreed field has the same token on both (a combined field is
 * one token of all its parts, so all of them agree) and the B event is 0 to {@link
 * org.puente.exchange.LinkKind#windowDays()} days after the A event. Links are one-to-one: the
 * candidate pairs are taken nearest date first (ties: earlier A event, then file order), each
 * record at most once. Exact equality only; no similarity is computed, so none can leave.
 *
 * <p>Memory: side B's tokens and dates, and side A's dates and candidate pairs; side A is streamed.
 * Nothing is written anywhere; the tokens are dropped when {@link #link} returns.
 */
public final class AgreementLinker {

  private AgreementLinker() {}

  /**
   * Told each link made, as the positions of the two records in their sides (0-based): for
   * evaluation against a truth that knows the positions. Never given a token or a score.
   */
  public interface Links {
    void link(int aPosition, int bPosition);
  }

  /** Links {@code a} with {@code b} and counts by month. */
  public static LinkCounts link(Agreement agreement, Iterator<SideRow> a, Iterator<SideRow> b) {
    return link(agreement, a, b, (x, y) -> {});
  }

  /** As {@link #link(Agreement, Iterator, Iterator)}, telling {@code links} each link made. */
  public static LinkCounts link(
      Agreement agreement, Iterator<SideRow> a, Iterator<SideRow> b, Links links) {
    requireNonNull(links, "links is null");
    requireNonNull(agreement, "agreement is null");
    int window = agreement.link().windowDays();
    int fields = agreement.fields().size();
    List<Map<String, List<Integer>>> index = new ArrayList<>();
    for (int f = 0; f < fields; f++) {
      index.add(new HashMap<>());
    }
    List<LocalDate> bDates = new ArrayList<>();
    while (b.hasNext()) {
      SideRow row = b.next();
      int position = bDates.size();
      bDates.add(row.date());
      for (int f = 0; f < fields; f++) {
        String token = row.token(f);
        if (token != null) {
          index.get(f).computeIfAbsent(token, t -> new ArrayList<>(1)).add(position);
        }
      }
    }
    List<LocalDate> aDates = new ArrayList<>();
    List<long[]> candidates = new ArrayList<>();
    while (a.hasNext()) {
      SideRow row = a.next();
      int position = aDates.size();
      aDates.add(row.date());
      long aDay = row.date().toEpochDay();
      for (int f = 0; f < fields; f++) {
        String token = row.token(f);
        if (token == null) {
          continue;
        }
        for (int candidate : index.get(f).getOrDefault(token, List.of())) {
          long gap = bDates.get(candidate).toEpochDay() - aDay;
          if (gap >= 0 && gap <= window) {
            candidates.add(new long[] {gap, aDay, position, candidate});
          }
        }
      }
    }
    index.clear();
    candidates.sort(
        (x, y) -> {
          for (int i = 0; i < 4; i++) {
            int order = Long.compare(x[i], y[i]);
            if (order != 0) {
              return order;
            }
          }
          return 0;
        });
    boolean[] aUsed = new boolean[aDates.size()];
    boolean[] bUsed = new boolean[bDates.size()];
    Map<YearMonth, long[]> counts = new TreeMap<>();
    for (long[] pair : candidates) {
      int aIndex = (int) pair[2];
      int bIndex = (int) pair[3];
      if (!aUsed[aIndex] && !bUsed[bIndex]) {
        aUsed[aIndex] = true;
        bUsed[bIndex] = true;
        month(counts, aDates.get(aIndex))[0]++;
        links.link(aIndex, bIndex);
      }
    }
    for (int i = 0; i < aUsed.length; i++) {
      if (!aUsed[i]) {
        month(counts, aDates.get(i))[1]++;
      }
    }
    for (int i = 0; i < bUsed.length; i++) {
      if (!bUsed[i]) {
        month(counts, bDates.get(i))[2]++;
      }
    }
    return LinkCounts.of(counts);
  }

  private static long[] month(Map<YearMonth, long[]> counts, LocalDate date) {
    return counts.computeIfAbsent(YearMonth.from(date), m -> new long[3]);
  }
}
