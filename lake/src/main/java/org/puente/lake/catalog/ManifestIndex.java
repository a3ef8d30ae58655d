package org.puente.lake.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.puente.schema.EventKind;

/**
 * Reads the committed manifests. A file is visible exactly when a manifest lists it: the manifest
 * and its files are inserted in the transaction that commits the submission.
 */
public final class ManifestIndex {

  private static final String FILE_COLUMNS =
      "f.path, f.event_kind, f.reporting_country, f.period, f.row_count, f.byte_size";

  private final Catalog catalog;

  ManifestIndex(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The committed files that {@code query} selects, ordered by partition and path. */
  public List<LakeFile> files(LakeQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + FILE_COLUMNS + " FROM manifest_files f WHERE f.event_kind = ?");
    List<String> parameters = new ArrayList<>(List.of(query.eventKind().name()));
    query
        .country()
        .ifPresent(
            country -> {
              sql.append(" AND f.reporting_country = ?");
              parameters.add(country);
            });
    // 'YYYY-MM' strings sort as the months they name.
    query
        .from()
        .ifPresent(
            from -> {
              sql.append(" AND f.period >= ?");
              parameters.add(from.toString());
            });
    query
        .to()
        .ifPresent(
            to -> {
              sql.append(" AND f.period <= ?");
              parameters.add(to.toString());
            });
    sql.append(" ORDER BY f.reporting_country, f.period, f.path");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
              statement.setString(i + 1, parameters.get(i));
            }
            return readFiles(statement);
          }
        });
  }

  /** The files one committed submission published (empty for any other submission). */
  public List<LakeFile> filesOf(long submissionId) {
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + FILE_COLUMNS
                      + " FROM manifest_files f JOIN manifests m ON m.id = f.manifest_id"
                      + " WHERE m.submission_id = ? ORDER BY f.path")) {
            statement.setLong(1, submissionId);
            return readFiles(statement);
          }
        });
  }

  /** The paths of every committed file, for telling them from leftovers of interrupted work. */
  public Set<String> allPaths() {
    return catalog.inTransaction(
        connection -> {
          Set<String> paths = new HashSet<>();
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT path FROM manifest_files");
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              paths.add(row.getString(1));
            }
          }
          return paths;
        });
  }

  private static List<LakeFile> readFiles(PreparedStatement statement) throws SQLException {
    List<LakeFile> files = new ArrayList<>();
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        Partition partition =
            new Partition(
                EventKind.valueOf(row.getString("event_kind")),
                row.getString("reporting_country"),
                YearMonth.parse(row.getString("period")));
        files.add(
            new LakeFile(
                row.getString("path"),
                partition,
                row.getLong("row_count"),
                row.getLong("byte_size")));
      }
    }
    return files;
  }
}
