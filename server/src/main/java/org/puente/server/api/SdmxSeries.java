package org.puente.server.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.puente.cube.Dimension;
import org.puente.stats.PublishedTable;

/**
 * What an SDMX data query keeps of a protected table: the rows whose codes it asked for, and per
 * series (the codes of every dimension but the period) the first or last N periods. Keeping rows of
 * a protected table publishes nothing it did not already publish.
 */
final class SdmxSeries {

  private static final String PERIOD = "period";

  private SdmxSeries() {}

  /** The table's rows whose code of each dimension in {@code kept} matches its predicate. */
  static PublishedTable keep(PublishedTable table, Map<String, Predicate<String>> kept) {
    List<PublishedTable.Row> rows = new ArrayList<>();
    for (PublishedTable.Row row : table.rows()) {
      boolean keep = true;
      for (Map.Entry<String, Predicate<String>> dimension : kept.entrySet()) {
        Optional<String> code = code(table, row, dimension.getKey());
        if (code.isPresent() && !dimension.getValue().test(code.get())) {
          keep = false;
        }
      }
      if (keep) {
        rows.add(row);
      }
    }
    return with(table, rows);
  }

  /**
   * Per series, the first {@code first} and the last {@code last} periods present in the table
   * (both: the periods in both); a suppressed observation counts as one. The total over all periods
   * ({@code _T}) is no period of a series and is left out when either is given.
   */
  static PublishedTable firstAndLast(PublishedTable table, OptionalInt first, OptionalInt last) {
    if (first.isEmpty() && last.isEmpty()) {
      return table;
    }
    Map<List<String>, TreeSet<String>> periods = new HashMap<>();
    for (PublishedTable.Row row : table.rows()) {
      Optional<String> period = code(table, row, PERIOD);
      if (period.isPresent() && !period.get().equals(Dimension.TOTAL)) {
        periods.computeIfAbsent(series(table, row), s -> new TreeSet<>()).add(period.get());
      }
    }
    Map<List<String>, Set<String>> wanted = new HashMap<>();
    periods.forEach(
        (series, all) -> {
          List<String> ordered = new ArrayList<>(all);
          Set<String> keep = new HashSet<>(ordered);
          if (first.isPresent()) {
            keep.retainAll(ordered.subList(0, Math.min(first.getAsInt(), ordered.size())));
          }
          if (last.isPresent()) {
            keep.retainAll(
                ordered.subList(Math.max(0, ordered.size() - last.getAsInt()), ordered.size()));
          }
          wanted.put(series, keep);
        });
    List<PublishedTable.Row> rows = new ArrayList<>();
    for (PublishedTable.Row row : table.rows()) {
      Optional<String> period = code(table, row, PERIOD);
      if (period.isEmpty()) {
        // the period is fixed for the whole table: one observation per series
        rows.add(row);
      } else if (wanted.getOrDefault(series(table, row), Set.of()).contains(period.get())) {
        rows.add(row);
      }
    }
    return with(table, rows);
  }

  /** The row's code of a dimension, or empty when the table is not broken down by it. */
  private static Optional<String> code(PublishedTable table, PublishedTable.Row row, String id) {
    for (int d = 0; d < table.dimensions().size(); d++) {
      if (table.dimensions().get(d).id().equals(id)) {
        return Optional.of(row.codes().get(d));
      }
    }
    if (table.sliced() && id.equals(PERIOD)) {
      return Optional.of(row.slice());
    }
    return Optional.empty();
  }

  /** The codes of every dimension but the period. */
  private static List<String> series(PublishedTable table, PublishedTable.Row row) {
    List<String> key = new ArrayList<>();
    for (int d = 0; d < table.dimensions().size(); d++) {
      if (!table.dimensions().get(d).id().equals(PERIOD)) {
        key.add(row.codes().get(d));
      }
    }
    return key;
  }

  private static PublishedTable with(PublishedTable table, List<PublishedTable.Row> rows) {
    return new PublishedTable(
        table.cube(), table.dimensions(), table.sliced(), rows, table.metadata());
  }
}
