package org.puente.derive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.linkage.LinkageReport;

/** A run's summary: its counts, timings and the histories' counts, stored as one line of JSON. */
public final class Summaries {

  /** The prefix of the summary's timing keys (seconds spent), which differ from run to run. */
  public static final String TIMING_PREFIX = "seconds_";

  /** The summary's key of a DuckDB run's seconds by country (load, link, total): a timing. */
  public static final String SECONDS_BY_COUNTRY = TIMING_PREFIX + "by_country";

  /** The summary's key of the countries' linkage reports. */
  public static final String LINKAGE = "linkage";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Summaries() {}

  /**
   * The summary of a run, in the order every engine stores it: records, travellers, countries, the
   * timings ({@code seconds_<what>}), the histories' counts ({@link HistoryCounts#summary}), then
   * under {@value #LINKAGE} each country's linkage report ({@link LinkageReport#counts}: records,
   * candidate pairs, the largest block, records that met a truncated block, ...), in the order of
   * {@code countries}.
   */
  public static Map<String, Object> of(
      long records,
      long travellers,
      List<String> countries,
      Map<String, Double> seconds,
      Map<String, Object> counts,
      Map<String, LinkageReport> linkage) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("records", records);
    summary.put("travellers", travellers);
    summary.put("countries", List.copyOf(countries));
    seconds.forEach((what, value) -> summary.put(TIMING_PREFIX + what, value));
    summary.putAll(counts);
    Map<String, Map<String, Long>> reports = new LinkedHashMap<>();
    for (String country : countries) {
      LinkageReport report = linkage.get(country);
      if (report == null) {
        throw new IllegalArgumentException("no linkage report for " + country);
      }
      reports.put(country, report.counts());
    }
    summary.put(LINKAGE, reports);
    return summary;
  }

  /** The summary without its timing keys: what two runs of the same records have in common. */
  public static Map<String, Object> withoutTimings(Map<String, Object> summary) {
    Map<String, Object> kept = new LinkedHashMap<>(summary);
    kept.keySet().removeIf(key -> key.startsWith(TIMING_PREFIX));
    return kept;
  }

  /** Seconds, rounded to milliseconds, from nanoseconds. */
  public static double seconds(long nanos) {
    return Math.round(nanos / 1e6) / 1e3;
  }

  public static String json(Map<String, Object> summary) {
    try {
      return JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
