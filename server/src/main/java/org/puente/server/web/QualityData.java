package org.puente.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.puente.stats.DataQuality;

/**
 * Data quality per reporting country for the dashboard: disaggregation coverage (the shares of
 * records with sex, age, citizenship and migration status known) and the shares of rows rejected
 * and duplicated, weighted over the country's sources. Shares and counts only, never rows. The
 * report reads the lake, so it is kept for a minute.
 */
final class QualityData {

  static final List<String> COVERAGE = List.of("sex", "age", "citizenship", "migrationStatus");
  private static final long KEEP_NANOS = 60_000_000_000L;

  private final Supplier<List<Map<String, Object>>> report;
  private volatile List<Map<String, Object>> cached;
  private volatile long cachedAt;

  QualityData(Supplier<List<Map<String, Object>>> report) {
    this.report = report;
  }

  static QualityData of(org.puente.server.ServerContext server) {
    return new QualityData(
        () ->
            DataQuality.report(
                server.node().home(),
                server.node().catalog(),
                server.node().keys(),
                Optional.empty()));
  }

  /** The report of every source, at most a minute old. */
  List<Map<String, Object>> report() {
    long now = System.nanoTime();
    List<Map<String, Object>> known = cached;
    if (known != null && now - cachedAt < KEEP_NANOS) {
      return known;
    }
    synchronized (this) {
      if (cached != null && System.nanoTime() - cachedAt < KEEP_NANOS) {
        return cached;
      }
      cached = List.copyOf(report.get());
      cachedAt = System.nanoTime();
      return cached;
    }
  }

  /** Per country (all, or {@code only}): counts, shares and its sources. */
  List<Map<String, Object>> perCountry(Optional<String> only) {
    Map<String, List<Map<String, Object>>> byCountry = new TreeMap<>();
    for (Map<String, Object> source : report()) {
      String country = (String) source.get("country");
      if (only.isEmpty() || only.get().equals(country)) {
        byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(source);
      }
    }
    List<Map<String, Object>> countries = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> entry : byCountry.entrySet()) {
      long read = 0;
      long records = 0;
      long rejected = 0;
      long duplicates = 0;
      Map<String, Double> covered = new LinkedHashMap<>();
      List<Map<String, Object>> kinds = new ArrayList<>();
      for (Map<String, Object> source : entry.getValue()) {
        long sourceRecords = number(source.get("records"));
        read += number(source.get("rowsRead"));
        records += sourceRecords;
        rejected += number(source.get("rejected"));
        duplicates += number(source.get("duplicates"));
        Map<?, ?> coverage = (Map<?, ?>) source.get("disaggregationCoverage");
        Map<String, Object> kindCoverage = new LinkedHashMap<>();
        for (String key : COVERAGE) {
          double share = coverage == null ? 0.0 : ((Number) coverage.get(key)).doubleValue();
          covered.merge(key, share * sourceRecords, Double::sum);
          kindCoverage.put(key, share);
        }
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("kind", source.get("kind"));
        kind.put("records", sourceRecords);
        kind.put("coverage", kindCoverage);
        kinds.add(kind);
      }
      Map<String, Object> country = new LinkedHashMap<>();
      country.put("country", entry.getKey());
      country.put("rowsRead", read);
      country.put("records", records);
      country.put("rejected", rejected);
      country.put("duplicates", duplicates);
      country.put("rejectedShare", share(rejected, read));
      country.put("duplicateShare", share(duplicates, read));
      Map<String, Object> coverage = new LinkedHashMap<>();
      for (String key : COVERAGE) {
        coverage.put(
            key, records == 0 ? 0.0 : Math.round(1000.0 * covered.get(key) / records) / 1000.0);
      }
      country.put("coverage", coverage);
      country.put("sources", kinds);
      countries.add(country);
    }
    return countries;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
