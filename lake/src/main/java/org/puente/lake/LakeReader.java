package org.puente.lake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.RunFile;
import org.puente.lake.table.Column;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;

/**
 * The read side: exactly the files of committed manifests, never a directory listing (which would
 * also show files whose commit is in flight or failed). Needs no writer lock.
 */
public final class LakeReader {

  private final NodeHome home;
  private final Catalog catalog;

  public LakeReader(NodeHome home, Catalog catalog) {
    this.home = requireNonNull(home, "home is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** The committed files the query selects. */
  public List<LakeFile> files(LakeQuery query) {
    return catalog.manifests().files(query);
  }

  /** Where a committed file is on disk. */
  public Path resolve(LakeFile file) {
    return home.lake().resolve(file.path());
  }

  /**
   * Creates (or replaces) a temporary DuckDB view named {@code viewName} over the committed files
   * the query selects, as of now, with the columns of {@code layout}: a file missing a column gives
   * nulls, and no files at all give an empty view with the same columns.
   *
   * @return the files the view reads
   */
  public List<LakeFile> createView(
      Connection duckdb, String viewName, LakeQuery query, TableLayout layout) {
    List<LakeFile> files = files(query);
    createView(duckdb, viewName, files, layout, false);
    return files;
  }

  /**
   * As {@link #createView}, with one more column, {@code submission_id BIGINT}: the submission that
   * published each row (with {@code source_line}, a row's identity across the lake).
   */
  public List<LakeFile> createViewWithSubmission(
      Connection duckdb, String viewName, LakeQuery query, TableLayout layout) {
    List<LakeFile> files = files(query);
    createView(duckdb, viewName, files, layout, true);
    return files;
  }

  /**
   * Creates (or replaces) a temporary DuckDB view named {@code viewName} over one output table of a
   * committed derivation run, with the columns of {@code layout}.
   *
   * @return the files the view reads
   */
  public List<LakeFile> createRunView(
      Connection duckdb, String viewName, long runId, String tableName, TableLayout layout) {
    List<LakeFile> files =
        catalog.runs().files(runId, tableName).stream().map(RunFile::file).toList();
    createView(duckdb, viewName, files, layout, false);
    return files;
  }

  private void createView(
      Connection duckdb,
      String viewName,
      List<LakeFile> files,
      TableLayout layout,
      boolean withSubmission) {
    requireNonNull(duckdb, "duckdb is null");
    if (!Column.isIdentifier(viewName)) {
      throw new IllegalArgumentException("view name must be a lower-case identifier: " + viewName);
    }
    String source =
        files.isEmpty()
            ? ""
            : "read_parquet(["
                + files.stream()
                    .map(f -> "'" + resolve(f).toString().replace("'", "''") + "'")
                    .collect(Collectors.joining(", "))
                + "], union_by_name = true"
                + (withSubmission ? ", filename = true)" : ")");
    try (Statement statement = duckdb.createStatement()) {
      Set<String> present = files.isEmpty() ? Set.of() : columnsIn(statement, source);
      String select =
          layout.columns().stream()
              .map(
                  c ->
                      "CAST("
                          + (present.contains(c.name()) ? c.quotedName() : "NULL")
                          + " AS "
                          + c.type().sql()
                          + ") AS "
                          + c.quotedName())
              .collect(Collectors.joining(", "));
      if (withSubmission) {
        // Submission files are named part-<submission id>-<n>.parquet (PartitionedParquetWriter).
        select +=
            files.isEmpty()
                ? ", CAST(NULL AS BIGINT) AS submission_id"
                : ", CAST(regexp_extract(filename, 'part-([0-9]+)-[0-9]+\\.parquet$', 1) AS BIGINT)"
                    + " AS submission_id";
      }
      String from = files.isEmpty() ? " WHERE false" : " FROM " + source;
      statement.execute(
          "CREATE OR REPLACE TEMP VIEW \"" + viewName + "\" AS SELECT " + select + from);
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot create view " + viewName + ": " + e.getMessage(), e);
    }
  }

  /** The columns the files have (from their footers): a column added later reads as nulls. */
  private static Set<String> columnsIn(Statement statement, String source) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet row = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (row.next()) {
        names.add(row.getString("column_name"));
      }
    }
    return names;
  }
}
