package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.table.TableLayout;

/**
 * The catalog's {@code submissions}, {@code manifests} and {@code manifest_files} tables as one
 * life cycle: receive a file, then commit it (publishing its lake files) or fail it.
 */
public final class SubmissionLog {

  private static final String COLUMNS =
      "id, source_id, file_name, content_sha256, status, received_at, finished_at, duplicate_of,"
          + " rows_read, rows_accepted, rows_rejected, rows_duplicate, failure";

  private final Catalog catalog;

  SubmissionLog(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Records a submitted file. When the source already has a committed submission with the same
   * content, records a DUPLICATE pointing at it and returns both; otherwise records it RECEIVED.
   */
  public Receipt receive(Source source, String fileName, String contentSha256) {
    requireNonNull(source, "source is null");
    requireNonNull(fileName, "fileName is null");
    Submission.checkSha256(contentSha256);
    return catalog.inTransaction(
        connection -> {
          Optional<Submission> earlier = committedWith(connection, source.id(), contentSha256);
          Instant now = catalog.clock().instant();
          if (earlier.isPresent()) {
            long id = insert(connection, source.id(), fileName, contentSha256, now, earlier.get());
            return new Receipt.Duplicate(get(connection, id), earlier.get());
          }
          long id = insert(connection, source.id(), fileName, contentSha256, now, null);
          return new Receipt.Accepted(get(connection, id));
        });
  }

  /**
   * Publishes a RECEIVED submission in one transaction: its counts, its manifest and the lake files
   * it lists. If the same content was committed for the source meanwhile (two writers raced), the
   * submission is recorded as a DUPLICATE instead and the caller must discard its files.
   *
   * @return the submission, COMMITTED or DUPLICATE
   */
  public Submission commit(
      long submissionId, RowCounts counts, TableLayout layout, List<LakeFile> files) {
    requireNonNull(counts, "counts is null");
    requireNonNull(layout, "layout is null");
    List<LakeFile> published = List.copyOf(files);
    long rowsInFiles = published.stream().mapToLong(LakeFile::rows).sum();
    if (rowsInFiles != counts.accepted()) {
      throw new IllegalArgumentException(
          "accepted rows " + counts.accepted() + " != rows in the files " + rowsInFiles);
    }
    Instant now = catalog.clock().instant();
    try {
      return catalog.inTransactionOrSqlException(
          connection -> {
            markCommitted(connection, submissionId, counts, now);
            new ManifestWriter(connection).insert(submissionId, now, layout, published);
            return get(connection, submissionId);
          });
    } catch (SQLException e) {
      if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw catalog.failure(e);
      }
      return catalog.inTransaction(connection -> markDuplicate(connection, submissionId, now));
    }
  }

  /**
   * Records that a RECEIVED submission failed; {@code reason} is one line without personal data.
   */
  public Submission fail(long submissionId, String reason) {
    requireNonNull(reason, "reason is null");
    return catalog.inTransaction(
        connection -> {
          catalog.markFailed(connection, "submissions", "RECEIVED", submissionId, reason);
          return get(connection, submissionId);
        });
  }

  public Submission get(long submissionId) {
    return catalog.inTransaction(connection -> get(connection, submissionId));
  }

  /** All submissions, oldest first. */
  public List<Submission> list() {
    return query("SELECT " + COLUMNS + " FROM submissions ORDER BY id");
  }

  /** Submissions still RECEIVED: being processed, or interrupted by a crash. */
  public List<Submission> unfinished() {
    return query("SELECT " + COLUMNS + " FROM submissions WHERE status = 'RECEIVED' ORDER BY id");
  }

  private List<Submission> query(String sql) {
    return catalog.inTransaction(
        connection -> {
          List<Submission> submissions = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql);
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              submissions.add(read(row));
            }
          }
          return submissions;
        });
  }

  private static void markCommitted(
      Connection connection, long submissionId, RowCounts counts, Instant now) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE submissions SET status = 'COMMITTED', committed_sha256 = content_sha256,"
                + " rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_duplicate = ?,"
                + " finished_at = ? WHERE id = ? AND status = 'RECEIVED'")) {
      statement.setLong(1, counts.read());
      statement.setLong(2, counts.accepted());
      statement.setLong(3, counts.rejected());
      statement.setLong(4, counts.duplicate());
      Jdbc.setInstant(statement, 5, now);
      statement.setLong(6, submissionId);
      if (statement.executeUpdate() != 1) {
        throw new PuenteException(
            ErrorCode.CONFLICT,
            "submission " + submissionId + " is not RECEIVED any more; it cannot be committed");
      }
    }
  }

  private Submission markDuplicate(Connection connection, long submissionId, Instant now)
      throws SQLException {
    Submission mine = get(connection, submissionId);
    Submission earlier =
        committedWith(connection, mine.sourceId(), mine.contentSha256()).orElseThrow();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE submissions SET status = 'DUPLICATE', duplicate_of = ?, finished_at = ?"
                + " WHERE id = ? AND status = 'RECEIVED'")) {
      statement.setLong(1, earlier.id());
      Jdbc.setInstant(statement, 2, now);
      statement.setLong(3, submissionId);
      statement.executeUpdate();
    }
    return get(connection, submissionId);
  }

  private static Optional<Submission> committedWith(
      Connection connection, long sourceId, String sha256) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM submissions WHERE source_id = ? AND committed_sha256 = ?")) {
      statement.setLong(1, sourceId);
      statement.setString(2, sha256);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    }
  }

  private static long insert(
      Connection connection,
      long sourceId,
      String fileName,
      String sha256,
      Instant now,
      Submission duplicateOf)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO submissions (source_id, file_name, content_sha256, status, received_at,"
                + " finished_at, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      statement.setLong(1, sourceId);
      statement.setString(2, fileName);
      statement.setString(3, sha256);
      Jdbc.setInstant(statement, 5, now);
      if (duplicateOf == null) {
        statement.setString(4, SubmissionStatus.RECEIVED.name());
        statement.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setNull(7, Types.BIGINT);
      } else {
        statement.setString(4, SubmissionStatus.DUPLICATE.name());
        Jdbc.setInstant(statement, 6, now);
        statement.setLong(7, duplicateOf.id());
      }
      statement.executeUpdate();
      return Jdbc.generatedId(statement);
    }
  }

  private static Submission get(Connection connection, long submissionId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM submissions WHERE id = ?")) {
      statement.setLong(1, submissionId);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new PuenteException(ErrorCode.NOT_FOUND, "no submission " + submissionId);
        }
        return read(row);
      }
    }
  }

  private static Submission read(ResultSet row) throws SQLException {
    long duplicateOf = row.getLong("duplicate_of");
    boolean isDuplicate = !row.wasNull();
    long read = row.getLong("rows_read");
    Optional<RowCounts> counts =
        row.wasNull()
            ? Optional.empty()
            : Optional.of(
                new RowCounts(
                    read,
                    row.getLong("rows_accepted"),
                    row.getLong("rows_rejected"),
                    row.getLong("rows_duplicate")));
    return new Submission(
        row.getLong("id"),
        row.getLong("source_id"),
        row.getString("file_name"),
        row.getString("content_sha256"),
        SubmissionStatus.valueOf(row.getString("status")),
        Jdbc.instant(row, "received_at"),
        Jdbc.optionalInstant(row, "finished_at"),
        isDuplicate ? OptionalLong.of(duplicateOf) : OptionalLong.empty(),
        counts,
        Optional.ofNullable(row.getString("failure")));
  }
}
