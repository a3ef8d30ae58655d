package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.DuckDb;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.Submission;
import org.puente.linkage.LinkageModel;

/** Reading a committed run's tables: for exports, evaluation and the model display. */
public final class RunTables {

  /** One record of a run's histories, named as its source named it. */
  public record LinkedRecord(
      long key,
      String country,
      String fileName,
      String recordRef,
      long travellerId,
      String residenceClass) {}

  private RunTables() {}

  /** The linkage model of each reporting country, from a run's stored JSON. */
  public static Map<String, LinkageModel> models(String storedJson) {
    return ModelStore.all(storedJson);
  }

  /** Calls {@code consumer} with every record of the run's histories. */
  public static void forEachRecord(
      LakeReader reader, Catalog catalog, DerivationRun run, Consumer<LinkedRecord> consumer) {
    requireNonNull(consumer, "consumer is null");
    try (Connection duckdb = DuckDb.streaming();
        Statement statement = duckdb.createStatement()) {
      histories(reader, catalog, run, duckdb);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT submission_id, source_line, reporting_country, file, record_id,"
                  + " traveller_id, class"
                  + " FROM histories_named")) {
        while (row.next()) {
          consumer.accept(
              new LinkedRecord(
                  NodeRecord.key(row.getLong(1), row.getLong(2)),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getLong(6),
                  row.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read run " + run.id() + ": " + e, e);
    }
  }

  /**
   * Writes the run's crossings (border crossings only) with the source file and record reference,
   * the traveller and the 12/16-month class, to {@code out} as CSV or Parquet; returns the rows.
   */
  public static long exportCrossings(
      LakeReader reader, Catalog catalog, DerivationRun run, Path out, boolean parquet) {
    try (Connection duckdb = DuckDb.streaming();
        Statement statement = duckdb.createStatement()) {
      histories(reader, catalog, run, duckdb);
      String target = out.toAbsolutePath().toString().replace("'", "''");
      statement.execute(
          "COPY (SELECT file, record_id, reporting_country, event_date, direction, port, citizenship, traveller_id,"
              + " class, predicted_class, predicted_permille / 1000.0 AS predicted_probability,"
              + " resident_before, un_class FROM histories_named WHERE event_kind = 'BORDER_CROSSING'"
              + " ORDER BY event_date, file, source_line) TO '"
              + target
              + "' "
              + (parquet ? "(FORMAT parquet)" : "(FORMAT csv, HEADER)"));
      try (ResultSet count =
          statement.executeQuery(
              "SELECT count(*) FROM histories_named WHERE event_kind = 'BORDER_CROSSING'")) {
        count.next();
        return count.getLong(1);
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot export the crossings of run " + run.id() + ": " + e, e);
    }
  }

  /** A view {@code histories_named}: the run's histories with each record's submitted file. */
  static void histories(LakeReader reader, Catalog catalog, DerivationRun run, Connection duckdb)
      throws SQLException {
    reader.createRunView(
        duckdb, "histories", run.id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE TEMP TABLE files (submission_id BIGINT, file VARCHAR)");
    }
    try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO files VALUES (?, ?)")) {
      for (Submission submission : catalog.submissions().list()) {
        insert.setLong(1, submission.id());
        insert.setString(2, submission.fileName());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(
          "CREATE TEMP VIEW histories_named AS SELECT h.*, f.file FROM histories h"
              + " LEFT JOIN files f USING (submission_id)");
    }
  }
}
