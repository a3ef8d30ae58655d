package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.schema.EventKind;

/**
 * The catalog's {@code derivation_runs} and {@code derivation_files}: start a run, then commit it
 * (publishing its output files in the same transaction) or fail it.
 */
public final class RunLog {

  private static final String COLUMNS =
      "id, status, started_at, finished_at, as_of, mode, last_submission_id, records_linked,"
          + " travellers, linkage_model, summary, failure";

  private final Catalog catalog;

  RunLog(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Records a run RUNNING over the committed submissions with an id up to the latest. */
  public DerivationRun start(LocalDate asOf, DerivationRun.Mode mode) {
    requireNonNull(asOf, "asOf is null");
    requireNonNull(mode, "mode is null");
    return catalog.inTransaction(
        connection -> {
          long lastSubmission;
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT COALESCE(MAX(id), 0) FROM submissions WHERE status = 'COMMITTED'");
              ResultSet row = statement.executeQuery()) {
            row.next();
            lastSubmission = row.getLong(1);
          }
          long id;
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO derivation_runs (status, started_at, as_of, mode,"
                      + " last_submission_id) VALUES ('RUNNING', ?, ?, ?, ?)",
                  new String[] {"id"})) {
            Jdbc.setInstant(statement, 1, catalog.clock().instant());
            statement.setObject(2, asOf);
            statement.setString(3, mode.name());
            statement.setLong(4, lastSubmission);
            statement.executeUpdate();
            id = Jdbc.generatedId(statement);
          }
          return get(connection, id);
        });
  }

  /** Publishes a RUNNING run's files and counts in one transaction. */
  public DerivationRun commit(long runId, RunCounts counts, List<RunFile> files) {
    requireNonNull(counts, "counts is null");
    List<RunFile> published = List.copyOf(files);
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE derivation_runs SET status = 'COMMITTED', finished_at = ?,"
                      + " records_linked = ?, travellers = ?, linkage_model = ?, summary = ?"
                      + " WHERE id = ? AND status = 'RUNNING'")) {
            Jdbc.setInstant(statement, 1, catalog.clock().instant());
            statement.setLong(2, counts.recordsLinked());
            statement.setLong(3, counts.travellers());
            statement.setString(4, counts.linkageModel());
            statement.setString(5, counts.summary());
            statement.setLong(6, runId);
            if (statement.executeUpdate() != 1) {
              throw new PuenteException(
                  ErrorCode.CONFLICT, "run " + runId + " is not RUNNING; it cannot be committed");
            }
          }
          insertFiles(connection, runId, published);
          return get(connection, runId);
        });
  }

  /** Records that a RUNNING run failed; {@code reason} is one line without personal data. */
  public DerivationRun fail(long runId, String reason) {
    requireNonNull(reason, "reason is null");
    return catalog.inTransaction(
        connection -> {
          catalog.markFailed(connection, "derivation_runs", "RUNNING", runId, reason);
          return get(connection, runId);
        });
  }

  public DerivationRun get(long runId) {
    return catalog.inTransaction(connection -> get(connection, runId));
  }

  /** The most recent committed run, if any: what tables and exports read. */
  public Optional<DerivationRun> latestCommitted() {
    List<DerivationRun> runs =
        query(
            "SELECT "
                + COLUMNS
                + " FROM derivation_runs WHERE status = 'COMMITTED' ORDER BY id DESC LIMIT 1");
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
  }

  /** All runs, oldest first. */
  public List<DerivationRun> list() {
    return query("SELECT " + COLUMNS + " FROM derivation_runs ORDER BY id");
  }

  /** Runs still RUNNING: in progress, or interrupted by a crash. */
  public List<DerivationRun> unfinished() {
    return query("SELECT " + COLUMNS + " FROM derivation_runs WHERE status = 'RUNNING'");
  }

  /** The files of one output table of a committed run. */
  public List<RunFile> files(long runId, String tableName) {
    return catalog.inTransaction(
        connection -> {
          List<RunFile> files = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT table_name, path, event_kind, reporting_country, period, row_count,"
                      + " byte_size FROM derivation_files WHERE run_id = ? AND table_name = ?"
                      + " ORDER BY path")) {
            statement.setLong(1, runId);
            statement.setString(2, tableName);
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                files.add(
                    new RunFile(
                        row.getString("table_name"),
                        new LakeFile(
                            row.getString("path"),
                            new Partition(
                                EventKind.valueOf(row.getString("event_kind")),
                                row.getString("reporting_country"),
                                YearMonth.parse(row.getString("period"))),
                            row.getLong("row_count"),
                            row.getLong("byte_size"))));
              }
            }
          }
          return files;
        });
  }

  /** The paths of every committed run's files, for telling them from leftovers. */
  public Set<String> allPaths() {
    return catalog.inTransaction(
        connection -> {
          Set<String> paths = new HashSet<>();
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT path FROM derivation_files");
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              paths.add(row.getString(1));
            }
          }
          return paths;
        });
  }

  private static void insertFiles(Connection connection, long runId, List<RunFile> files)
      throws SQLException {
    if (files.isEmpty()) {
      return;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO derivation_files (run_id, table_name, path, event_kind,"
                + " reporting_country, period, row_count, byte_size)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (RunFile file : files) {
        LakeFile lakeFile = file.file();
        statement.setLong(1, runId);
        statement.setString(2, file.tableName());
        statement.setString(3, lakeFile.path());
        statement.setString(4, lakeFile.partition().eventKind().name());
        statement.setString(5, lakeFile.partition().country());
        statement.setString(6, lakeFile.partition().period().toString());
        statement.setLong(7, lakeFile.rows());
        statement.setLong(8, lakeFile.bytes());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private List<DerivationRun> query(String sql) {
    return catalog.inTransaction(
        connection -> {
          List<DerivationRun> runs = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql);
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              runs.add(read(row));
            }
          }
          return runs;
        });
  }

  private static DerivationRun get(Connection connection, long runId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM derivation_runs WHERE id = ?")) {
      statement.setLong(1, runId);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new PuenteException(ErrorCode.NOT_FOUND, "no derivation run " + runId);
        }
        return read(row);
      }
    }
  }

  private static DerivationRun read(ResultSet row) throws SQLException {
    long records = row.getLong("records_linked");
    boolean hasRecords = !row.wasNull();
    long travellers = row.getLong("travellers");
    boolean hasTravellers = !row.wasNull();
    Instant started = Jdbc.instant(row, "started_at");
    return new DerivationRun(
        row.getLong("id"),
        DerivationRun.Status.valueOf(row.getString("status")),
        started,
        Jdbc.optionalInstant(row, "finished_at"),
        row.getObject("as_of", LocalDate.class),
        DerivationRun.Mode.valueOf(row.getString("mode")),
        row.getLong("last_submission_id"),
        hasRecords ? OptionalLong.of(records) : OptionalLong.empty(),
        hasTravellers ? OptionalLong.of(travellers) : OptionalLong.empty(),
        Optional.ofNullable(row.getString("linkage_model")),
        Optional.ofNullable(row.getString("summary")),
        Optional.ofNullable(row.getString("failure")));
  }
}
