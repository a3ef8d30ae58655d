package org.puente.ingest.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.table.Column;
import org.puente.lake.table.TableLayout;
import org.puente.privacy.TokenKind;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/** Reads one country's records of one kind back from the lake through DuckDB, for the tests. */
final class LakeReadBack {

  private LakeReadBack() {}

  /** The records' values of the given columns (those the kind has); dates as LocalDate. */
  static List<Map<String, Object>> rows(
      LakeReader reader, EventKind kind, String country, Set<String> wanted) throws SQLException {
    LakeQuery query = LakeQuery.of(kind).country(country);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (reader.files(query).isEmpty()) {
      return rows;
    }
    TableLayout layout = RecordTable.layout(RegionalSchema.standard(), kind);
    String columns =
        layout.columns().stream()
            .map(Column::name)
            .filter(wanted::contains)
            .collect(Collectors.joining(", "));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createView(duckdb, "records", query, layout);
      try (ResultSet result = statement.executeQuery("SELECT " + columns + " FROM records")) {
        ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnName(i);
            row.put(
                column,
                column.equals("event_date")
                    ? result.getObject(i, LocalDate.class)
                    : result.getObject(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * Writes every clear column (all but the tokens and the two encodings, which are keyed random
   * text) as one "column=value" a line: values of adjacent columns must not read as one date (a
   * permit's end "2024-05-28" next to a birth year "1989" looks like 05-28-1989).
   */
  static void dumpClearColumns(LakeReader reader, EventKind kind, String country, Path file)
      throws SQLException, IOException {
    LakeQuery query = LakeQuery.of(kind).country(country);
    if (reader.files(query).isEmpty()) {
      return;
    }
    List<String> random = new ArrayList<>();
    random.add(RecordTable.NAME_BLOOM);
    random.add(RecordTable.DOC_BLOOM);
    for (TokenKind token : TokenKind.values()) {
      random.add(RecordTable.tokenColumn(token));
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createView(
          duckdb, "records", query, RecordTable.layout(RegionalSchema.standard(), kind));
      try (ResultSet rows =
              statement.executeQuery(
                  "SELECT * EXCLUDE (" + String.join(", ", random) + ") FROM records");
          Writer out = Files.newBufferedWriter(file)) {
        ResultSetMetaData meta = rows.getMetaData();
        while (rows.next()) {
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.write(meta.getColumnName(i) + "=" + rows.getString(i) + "\n");
          }
        }
      }
    }
  }
}
