package org.puente.derive;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.puente.residence.ResidenceClass;
import org.puente.residence.ReturnLink;
import org.puente.residence.Stay;
import org.puente.residence.UnmatchedCrossing;

/**
 * The counts a run's summary gives of its histories (training cases, classes, returns, unmatched
 * crossings, stays, rolling-limit excesses), by key in key order: one counter for every engine, fed
 * with what the residence functions found.
 */
public final class HistoryCounts {

  private final Map<String, Long> counts = new TreeMap<>();

  /** A country's training cases of the provisional-outcome model (counted even when none). */
  public void trainingCases(long cases) {
    add("training_cases", cases);
  }

  /** A crossing's 12/16-month class. */
  public void crossing(ResidenceClass residenceClass) {
    add("class_" + lower(residenceClass), 1);
  }

  /** A return of a national and how it links to a departure. */
  public void returnLink(ReturnLink.Status status) {
    add("returns_" + lower(status), 1);
  }

  /** A crossing without its partner. */
  public void unmatched(UnmatchedCrossing.Reason reason) {
    add("unmatched_" + lower(reason), 1);
  }

  /** A traveller over the rolling limit. */
  public void rollingLimitExceeded() {
    add("rolling_limit_exceeded", 1);
  }

  /** A stay, by how it ended and its overstay. */
  public void stay(Stay.End end, Stay.Overstay overstay) {
    add("stays", 1);
    add("stays_" + lower(end), 1);
    add("overstay_" + lower(overstay), 1);
  }

  /** The counts by key, in key order. */
  public Map<String, Object> summary() {
    return new LinkedHashMap<>(counts);
  }

  private void add(String counter, long value) {
    counts.merge(counter, value, Long::sum);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
