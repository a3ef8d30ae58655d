package org.puente.lake.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.puente.lake.table.TableLayout;

/** Inserts one manifest and its files, inside the caller's commit transaction. */
final class ManifestWriter {

  private final Connection connection;

  ManifestWriter(Connection connection) {
    this.connection = connection;
  }

  void insert(long submissionId, Instant now, TableLayout layout, List<LakeFile> files)
      throws SQLException {
    long manifestId;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO manifests (submission_id, committed_at, table_layout, file_count,"
                + " row_count, byte_size) VALUES (?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      statement.setLong(1, submissionId);
      Jdbc.setInstant(statement, 2, now);
      statement.setString(3, layout.describe());
      statement.setInt(4, files.size());
      statement.setLong(5, files.stream().mapToLong(LakeFile::rows).sum());
      statement.setLong(6, files.stream().mapToLong(LakeFile::bytes).sum());
      statement.executeUpdate();
      manifestId = Jdbc.generatedId(statement);
    }
    if (files.isEmpty()) {
      return;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO manifest_files (manifest_id, path, event_kind, reporting_country, period,"
                + " row_count, byte_size) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (LakeFile file : files) {
        statement.setLong(1, manifestId);
        statement.setString(2, file.path());
        statement.setString(3, file.partition().eventKind().name());
        statement.setString(4, file.partition().country());
        statement.setString(5, file.partition().period().toString());
        statement.setLong(6, file.rows());
        statement.setLong(7, file.bytes());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
