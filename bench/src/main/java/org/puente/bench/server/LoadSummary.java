package org.puente.bench.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load test measured after its warm-up: for all paths together and for each path, the
 * requests, the errors by HTTP status or exception, the throughput and exact latency percentiles
 * (nearest rank over every successful request).
 *
 * @param url the server's base URL
 * @param clients virtual clients
 * @param warmupSeconds the warm-up, not measured
 * @param elapsedSeconds the measured window: from the end of the warm-up to the end of the last
 *     measured request
 * @param overall all paths together
 * @param paths one entry per path, in the order given
 */
public record LoadSummary(
    String url,
    int clients,
    double warmupSeconds,
    double elapsedSeconds,
    Stats overall,
    List<Stats> paths) {

  /**
   * One path's (or all paths') numbers.
   *
   * @param path the path, or {@code ALL}
   * @param requests measured requests, successful or not
   * @param errors non-2xx answers by status code, exceptions by simple class name
   * @param bytes response body bytes of the successful requests
   * @param throughput requests per second over the measured window
   * @param latency the successful requests' latencies (send to end of body)
   */
  public record Stats(
      String path,
      long requests,
      Map<String, Long> errors,
      long bytes,
      double throughput,
      Latency latency) {

    /** Errors of all kinds. */
    public long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Exact percentiles in milliseconds; all zero when there was no successful request.
   *
   * @param count successful requests measured
   */
  public record Latency(long count, double p50, double p95, double p99, double max, double mean) {

    /** The percentiles of latencies in nanoseconds, sorted ascending. */
    static Latency of(long[] sortedNanos) {
      if (sortedNanos.length == 0) {
        return new Latency(0, 0, 0, 0, 0, 0);
      }
      double sum = 0;
      for (long nanos : sortedNanos) {
        sum += nanos;
      }
      return new Latency(
          sortedNanos.length,
          millis(percentile(sortedNanos, 0.50)),
          millis(percentile(sortedNanos, 0.95)),
          millis(percentile(sortedNanos, 0.99)),
          millis(sortedNanos[sortedNanos.length - 1]),
          sum / sortedNanos.length / 1e6);
    }
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code fraction} of the values at
   * or below it.
   *
   * @param sorted ascending, not empty
   * @param fraction in (0, 1]
   */
  static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
    }
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** Total errors after the warm-up. */
  public long errorCount() {
    return overall.errorCount();
  }

  /** The summary as text lines (a table with one row per path). */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "load: %d clients against %s, %.1f s measured after %.1f s of warm-up%n",
            clients,
            url,
            elapsedSeconds,
            warmupSeconds));
    out.append(
        String.format(
            Locale.ROOT,
            "requests %,d, errors %,d, %,.1f req/s%n",
            overall.requests(),
            overall.errorCount(),
            overall.throughput()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-9s %9s %7s %9s %9s %9s %9s %9s %10s  %s%n",
            "",
            "requests",
            "errors",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "bytes/req",
            "path"));
    List<Stats> rows = new ArrayList<>();
    rows.add(overall);
    rows.addAll(paths);
    for (int i = 0; i < rows.size(); i++) {
      Stats row = rows.get(i);
      Latency l = row.latency();
      out.append(
          String.format(
              Locale.ROOT,
              "%-9s %9d %7d %9.1f %9s %9s %9s %9s %10s  %s%n",
              i == 0 ? "overall" : "path " + i,
              row.requests(),
              row.errorCount(),
              row.throughput(),
              ms(l, l.p50()),
              ms(l, l.p95()),
              ms(l, l.p99()),
              ms(l, l.max()),
              l.count() == 0 ? "-" : Long.toString(row.bytes() / l.count()),
              row.path()));
    }
    for (Stats row : paths) {
      for (Map.Entry<String, Long> error : row.errors().entrySet()) {
        out.append(
            String.format(
                Locale.ROOT,
                "error %s x %d on %s%n",
                error.getKey(),
                error.getValue(),
                row.path()));
      }
    }
    return out.toString();
  }

  /** The summary as one JSON object. */
  public String json() {
    StringBuilder out = new StringBuilder("{");
    field(out, "url", quote(url)).append(',');
    field(out, "clients", Integer.toString(clients)).append(',');
    field(out, "warmupSeconds", number(warmupSeconds)).append(',');
    field(out, "elapsedSeconds", number(elapsedSeconds)).append(',');
    field(out, "overall", json(overall)).append(',');
    List<String> items = new ArrayList<>();
    for (Stats row : paths) {
      items.add(json(row));
    }
    field(out, "paths", "[" + String.join(",", items) + "]");
    return out.append("}").toString();
  }

  private static String json(Stats stats) {
    StringBuilder out = new StringBuilder("{");
    field(out, "path", quote(stats.path())).append(',');
    field(out, "requests", Long.toString(stats.requests())).append(',');
    field(out, "errors", Long.toString(stats.errorCount())).append(',');
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, Long> error : new TreeMap<>(stats.errors()).entrySet()) {
      errors.add(quote(error.getKey()) + ":" + error.getValue());
    }
    field(out, "errorsBy", "{" + String.join(",", errors) + "}").append(',');
    field(out, "bytes", Long.toString(stats.bytes())).append(',');
    field(out, "throughputPerSecond", number(stats.throughput())).append(',');
    Latency l = stats.latency();
    field(
        out,
        "latencyMs",
        "{\"count\":"
            + l.count()
            + ",\"p50\":"
            + number(l.p50())
            + ",\"p95\":"
            + number(l.p95())
            + ",\"p99\":"
            + number(l.p99())
            + ",\"max\":"
            + number(l.max())
            + ",\"mean\":"
            + number(l.mean())
            + "}");
    return out.append("}").toString();
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    return out.append(quote(name)).append(':').append(value);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Milliseconds with two decimals, or a dash when no request succeeded. */
  private static String ms(Latency latency, double millis) {
    return latency.count() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", millis);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
