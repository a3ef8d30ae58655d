package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.puente.derive.OutputTables;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;

/**
 * A table's rows by a two-column key, read from a committed run through DuckDB or from a Spark
 * dataset, and compared: how the engine contract tests say "identical".
 */
final class TableRows {

  private TableRows() {}

  /** Spark rows by {@code key1/key2}, each as its {@code columns}' values. */
  static Map<String, List<Object>> of(
      List<Row> rows, String key1, String key2, List<String> columns) {
    Map<String, List<Object>> byKey = new HashMap<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>();
      for (String column : columns) {
        values.add(normalise(row.getAs(column)));
      }
      Object previous = byKey.put(row.getAs(key1) + "/" + row.getAs(key2), values);
      assertThat(previous).as("a row twice: %s", row).isNull();
    }
    return byKey;
  }

  /** The rows of one of a committed run's tables, read through DuckDB, by two key columns. */
  static Map<String, List<Object>> ofRun(
      NodeHome home,
      Catalog catalog,
      DerivationRun run,
      String table,
      String key1,
      String key2,
      List<String> columns)
      throws SQLException {
    TableLayout layout =
        switch (table) {
          case OutputTables.HISTORIES -> OutputTables.HISTORIES_LAYOUT;
          case OutputTables.TRAVELLERS -> OutputTables.TRAVELLERS_LAYOUT;
          default -> OutputTables.STAYS_LAYOUT;
        };
    Map<String, List<Object>> byKey = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      new LakeReader(home, catalog).createRunView(connection, "t", run.id(), table, layout);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT " + key1 + ", " + key2 + ", " + String.join(", ", columns) + " FROM t")) {
        while (row.next()) {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            values.add(normalise(row.getObject(3 + i)));
          }
          Object previous = byKey.put(row.getObject(1) + "/" + row.getObject(2), values);
          assertThat(previous).as("a row of %s twice", table).isNull();
        }
      }
    }
    return byKey;
  }

  /** The same keys with the same values; the message lists every row that differs. */
  static void assertIdentical(
      Map<String, List<Object>> actual, Map<String, List<Object>> expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
    List<String> different = new ArrayList<>();
    for (Map.Entry<String, List<Object>> row : expected.entrySet()) {
      if (!row.getValue().equals(actual.get(row.getKey()))) {
        different.add(
            row.getKey() + ": expected " + row.getValue() + ", actual " + actual.get(row.getKey()));
      }
    }
    assertThat(different).as(what + " derived differently").isEmpty();
  }

  /** How many rows have each value of the column at {@code index} (nulls as "(none)"). */
  static Map<Object, Long> countsBy(Map<String, List<Object>> rows, int index) {
    Map<Object, Long> counts = new TreeMap<>();
    for (List<Object> row : rows.values()) {
      Object value = row.get(index);
      counts.merge(value == null ? "(none)" : value.toString(), 1L, Long::sum);
    }
    return counts;
  }

  /** Dates as LocalDate whichever class a driver gives them. */
  static Object normalise(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : value;
  }
}
