package org.puente.derive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.DuckDb;
import org.puente.linkage.LinkageRecord;
import org.puente.schema.EventKind;

/**
 * Reads a country's linkage side on several DuckDB connections at once: reader {@code p} of {@code
 * n} reads the records whose source line is {@code p} modulo {@code n}, each on a thread and an
 * in-memory connection of its own (streaming, as {@link DuckDb#streaming} makes them), and turns
 * its rows into {@link LinkageRecord}s there; the caller's thread only adds them ({@link Handoff};
 * {@link PackedRecords#add} is not thread-safe). The records arrive in no fixed order: {@link
 * PackedRecords#ordered} sorts them into the linker's.
 *
 * <p>Each connection scans the lake's files and keeps its share, so DuckDB decodes the Parquet once
 * per reader; that is a small part of the cost next to making Java values of the rows.
 */
final class LinkageReading {

  private LinkageReading() {}

  /**
   * Reads the records of {@code country} (every country if empty) from submissions up to {@code
   * lastSubmissionId} and gives each to {@code add} on the caller's thread: with one reader, on
   * {@code duckdb} and the caller's thread alone; with more, on {@code readers} connections and
   * threads of their own.
   */
  static void read(
      RecordLoader loader,
      Connection duckdb,
      Optional<String> country,
      long lastSubmissionId,
      int readers,
      Consumer<LinkageRecord> add) {
    if (readers == 1) {
      readPart(duckdb, selects(loader, duckdb, country, lastSubmissionId, 0, 1), add);
      return;
    }
    List<Connection> connections = new ArrayList<>();
    try {
      List<Handoff.Producer<LinkageRecord>> producers = new ArrayList<>();
      for (int part = 0; part < readers; part++) {
        Connection connection = DuckDb.streaming();
        connections.add(connection);
        // The views are made here, on the caller's thread: making one asks the catalog for files.
        List<String> selects =
            selects(loader, connection, country, lastSubmissionId, part, readers);
        producers.add(out -> readPart(connection, selects, out));
      }
      Handoff.run(producers, "puente-linkage-read", add);
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot open a DuckDB connection: " + e.getMessage(), e);
    } finally {
      for (Connection connection : connections) {
        try {
          connection.close();
        } catch (SQLException e) {
          // Nothing was written through it: closing an in-memory reader loses nothing.
        }
      }
    }
  }

  /**
   * Each kind's select of share {@code part} of {@code parts} of the records (all of them for one
   * part), its view made on {@code connection}.
   */
  private static List<String> selects(
      RecordLoader loader,
      Connection connection,
      Optional<String> country,
      long lastSubmissionId,
      int part,
      int parts) {
    List<String> selects = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      String select = loader.linkageView(connection, country, kind, lastSubmissionId);
      selects.add(parts == 1 ? select : select + " AND source_line % " + parts + " = " + part);
    }
    return selects;
  }

  /**
   * One reader: every kind's share of the records, one select a kind, in {@link EventKind} order.
   */
  private static void readPart(
      Connection connection, List<String> selects, Consumer<LinkageRecord> out) {
    EventKind[] kinds = EventKind.values();
    for (int k = 0; k < kinds.length; k++) {
      EventKind kind = kinds[k];
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(selects.get(k))) {
        DuckDbRows columns =
            DuckDbRows.of(row, RecordLoader.columns(kind).size(), RecordLoader.LINKAGE_TEXT);
        while (columns.next()) {
          out.accept(RecordLoader.linkageRecord(columns, kind));
        }
      } catch (SQLException e) {
        throw RecordLoader.unreadable(kind, e);
      }
    }
  }
}
