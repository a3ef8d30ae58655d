package org.puente.lake.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of a lake table, and which of them places a row in its monthly period partition. The
 * lake knows nothing else about the data: the regional schema, not the lake, decides the columns.
 *
 * @param columns at least one, names unique
 * @param periodColumn the DATE or TIMESTAMP column whose month is the row's period partition
 */
public record TableLayout(List<Column> columns, String periodColumn) {

  public TableLayout {
    requireNonNull(columns, "columns is null");
    requireNonNull(periodColumn, "periodColumn is null");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table layout needs at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("column named twice: " + column.name());
      }
    }
    Column period =
        columns.stream()
            .filter(column -> column.name().equals(periodColumn))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("period column is not a column: " + periodColumn));
    if (period.type() != ColumnType.DATE && period.type() != ColumnType.TIMESTAMP) {
      throw new IllegalArgumentException(
          "period column must be DATE or TIMESTAMP: " + periodColumn + " is " + period.type());
    }
  }

  /**
   * A layout from "name TYPE" pairs, in order, e.g. {@code of("event_date", "event_date DATE")}.
   */
  public static TableLayout of(String periodColumn, String... nameAndTypes) {
    List<Column> columns = new ArrayList<>();
    for (String nameAndType : nameAndTypes) {
      columns.add(parseColumn(nameAndType));
    }
    return new TableLayout(columns, periodColumn);
  }

  /** Reads the form written by {@link #describe()}. */
  public static TableLayout parse(String description) {
    String[] parts = description.split(";", 2);
    if (parts.length != 2 || !parts[0].startsWith("period=")) {
      throw new IllegalArgumentException("not a table layout description");
    }
    String[] columns = parts[1].split(",");
    List<Column> list = new ArrayList<>();
    for (String column : columns) {
      list.add(parseColumn(column.strip()));
    }
    return new TableLayout(list, parts[0].substring("period=".length()));
  }

  /** "period=COLUMN;name TYPE, name TYPE, ...", the form kept in the catalog's manifests. */
  public String describe() {
    return "period="
        + periodColumn
        + ";"
        + columns.stream()
            .map(column -> column.name() + " " + column.type().sql())
            .collect(Collectors.joining(", "));
  }

  public int size() {
    return columns.size();
  }

  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  private static Column parseColumn(String nameAndType) {
    String[] words = nameAndType.strip().split("\\s+");
    if (words.length != 2) {
      throw new IllegalArgumentException("expected 'name TYPE', got: " + nameAndType);
    }
    return new Column(words[0], ColumnType.valueOf(words[1]));
  }
}
