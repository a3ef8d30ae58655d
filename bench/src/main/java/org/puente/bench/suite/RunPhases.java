package org.puente.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Where a DuckDB run's time went, from its JSON summary: the phases of the whole run (reading,
 * training and linking, the rest) and the linkage of its largest country (records, candidate pairs
 * a record, the largest block, its seconds of linking). Linking the largest country is the part
 * that grows fastest with the region (docs/BENCHMARKS.md), so the pipeline row says it.
 */
final class RunPhases {

  private RunPhases() {}

  /** The phases and the largest country's linkage, or "" for a summary that has neither. */
  static String describe(JsonNode summary) {
    StringBuilder text = new StringBuilder();
    if (summary.has("seconds_total") && summary.has("seconds_load")) {
      double load = summary.get("seconds_load").asDouble();
      double link = summary.path("seconds_link").asDouble();
      double total = summary.get("seconds_total").asDouble();
      text.append(
          String.format(
              Locale.ROOT,
              "run: load %.1f s, link %.1f s, rest %.1f s",
              load,
              link,
              total - load - link));
    }
    JsonNode linkage = summary.path("linkage");
    String largest = null;
    long most = -1;
    for (Map.Entry<String, JsonNode> country : linkage.properties()) {
      long records = country.getValue().path("records").asLong();
      if (records > most) {
        most = records;
        largest = country.getKey();
      }
    }
    if (largest != null) {
      JsonNode report = linkage.get(largest);
      text.append(text.isEmpty() ? "" : "; ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s: %,d records, %.1f candidate pairs a record, largest block %,d,"
                      + " truncated records %,d",
                  largest,
                  most,
                  most == 0 ? 0.0 : report.path("candidate_pairs").asDouble() / most,
                  report.path("largest_block").asLong(),
                  report.path("truncated_records").asLong()));
      JsonNode seconds = summary.path("seconds_by_country").path(largest).path("link");
      if (seconds.isNumber()) {
        text.append(String.format(Locale.ROOT, ", linked in %.1f s", seconds.asDouble()));
      }
    }
    return text.toString();
  }
}
