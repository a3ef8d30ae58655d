package org.puente.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.cube.Dimension;
import org.puente.sdc.ProtectionRules;
import org.puente.server.ServerStatistics;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;

/**
 * One protected table the dashboard reads, with the {@code /api/tables} address that downloads the
 * very same table (same request, so the same cached, protected cells).
 *
 * @param cube the cube
 * @param by its dimensions
 * @param where the filters, in the order the address lists them
 * @param period the period, or empty for all
 * @param periodLevel month, quarter or year
 */
record TableQuery(
    String cube,
    List<String> by,
    Map<String, List<String>> where,
    Optional<String> period,
    String periodLevel) {

  TableQuery {
    by = List.copyOf(by);
    where = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(where));
  }

  static TableQuery of(String cube, List<String> by) {
    return new TableQuery(cube, by, Map.of(), Optional.empty(), "month");
  }

  TableQuery where(String dimension, List<String> codes) {
    Map<String, List<String>> more = new LinkedHashMap<>(where);
    more.put(dimension, List.copyOf(codes));
    return new TableQuery(cube, by, more, period, periodLevel);
  }

  TableQuery whereIf(String dimension, Optional<String> code) {
    return code.isPresent() ? where(dimension, List.of(code.get())) : this;
  }

  TableQuery period(String value) {
    return new TableQuery(cube, by, where, Optional.of(value), periodLevel);
  }

  TableQuery periodLevel(String level) {
    return new TableQuery(cube, by, where, period, level);
  }

  TableRequest request() {
    return new TableRequest(cube, by, where, period, periodLevel);
  }

  /** The protected table (published rules), cached by the server per run. */
  Cells cells(ServerStatistics statistics) {
    return new Cells(statistics.table(request(), "group", ProtectionRules.defaults()));
  }

  /** The download address of this table in {@code format} (csv or xlsx). */
  String url(String format, String language) {
    StringBuilder url = new StringBuilder("/api/tables/").append(cube);
    char sep = '?';
    if (!by.isEmpty()) {
      url.append(sep).append("by=").append(encode(String.join(",", by)));
      sep = '&';
    }
    for (Map.Entry<String, List<String>> filter : where.entrySet()) {
      url.append(sep)
          .append("where=")
          .append(encode(filter.getKey() + ":" + String.join(",", filter.getValue())));
      sep = '&';
    }
    if (period.isPresent()) {
      url.append(sep).append("period=").append(encode(period.get()));
      sep = '&';
    }
    url.append(sep).append("period-level=").append(periodLevel);
    url.append("&format=").append(format).append("&lang=").append(language);
    return url.toString();
  }

  /** {@code {"label", "csv", "xlsx"}} for a page's download links. */
  Map<String, Object> download(String label, String language) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", label);
    json.put("csv", url("csv", language));
    json.put("xlsx", url("xlsx", language));
    return json;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
  }

  /** A published table's cells by their codes; cells not listed are zero. */
  static final class Cells {
    private final PublishedTable table;
    private final Map<List<String>, PublishedTable.Row> byCodes = new HashMap<>();

    Cells(PublishedTable table) {
      this.table = table;
      for (PublishedTable.Row row : table.rows()) {
        byCodes.putIfAbsent(row.codes(), row);
      }
    }

    PublishedTable table() {
      return table;
    }

    List<PublishedTable.Row> rows() {
      return table.rows();
    }

    Dimension dimension(int index) {
      return table.dimensions().get(index);
    }

    /** The cell at {@code codes}: its value (null when suppressed) and whether it is suppressed. */
    Value get(List<String> codes) {
      PublishedTable.Row row = byCodes.get(codes);
      if (row == null) {
        return new Value(0L, false);
      }
      return of(row);
    }

    /** The total of the table (every code {@code _T}). */
    Value total() {
      return get(java.util.Collections.nCopies(table.dimensions().size(), Dimension.TOTAL));
    }

    static Value of(PublishedTable.Row row) {
      if (row.value().isEmpty()) {
        return new Value(null, true);
      }
      return new Value(row.value().getAsLong(), false);
    }
  }

  /**
   * A published value.
   *
   * @param value the count, null when suppressed
   * @param suppressed whether protection withheld it
   */
  record Value(Long value, boolean suppressed) {}
}
