package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.DuckDb;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.DerivationRun;
import org.puente.linkage.PairwiseQuality;

/**
 * A run's travellers against a labelled CSV file (the simulator's {@code truth/records.csv}):
 * pairwise precision, recall and F1 within each reporting country, the scope a node links in.
 *
 * <p>The file has a {@code record_id} column (the source's record reference), a column with the
 * true person id, and optionally a {@code file} column (the submitted file's name) where record
 * references repeat across files. A record of the run takes the label of its (file, record_id) row,
 * else of a row with no file. A record without a label is counted as unlabelled and left out.
 *
 * <p>DuckDB joins the file to the run's histories and counts the contingency table of (label,
 * traveller) in one pass of grouping sets, as {@link PairwiseQuality#of} does in memory: true
 * positives Σ C(n_lc, 2), predicted Σ C(n_c, 2), actual Σ C(n_l, 2). Its joins and groupings spill
 * to disk, so the heap does not grow with the run: at ten million crossings the in-memory maps
 * needed more than 4 GB.
 *
 * @param labelled records of the run with a label
 * @param unlabelled records of the run without one
 * @param byCountry the pairs of each reporting country with labelled records
 */
public record TruthComparison(
    long labelled, long unlabelled, SortedMap<String, PairwiseQuality> byCountry) {

  public TruthComparison {
    byCountry = Collections.unmodifiableSortedMap(new TreeMap<>(byCountry));
  }

  /** The pairs of every country together. */
  public PairwiseQuality total() {
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    for (PairwiseQuality one : byCountry.values()) {
      truePositives += one.truePositives();
      falsePositives += one.falsePositives();
      falseNegatives += one.falseNegatives();
    }
    return new PairwiseQuality(truePositives, falsePositives, falseNegatives);
  }

  /**
   * Compares {@code run}'s travellers with the labels of {@code truth}.
   *
   * @param idColumn the column of the true person id
   * @throws PuenteException (bad input) when the file lacks a column, gives one record two
   *     different labels, or labels no record of the run
   */
  public static TruthComparison of(
      LakeReader reader, Catalog catalog, DerivationRun run, Path truth, String idColumn) {
    requireNonNull(truth, "truth is null");
    requireNonNull(idColumn, "idColumn is null");
    if (!Files.isRegularFile(truth)) {
      throw new PuenteException(ErrorCode.BAD_INPUT, truth + ": no such file");
    }
    try (Connection duckdb = DuckDb.streaming();
        Statement statement = duckdb.createStatement()) {
      String csv =
          "read_csv('"
              + truth.toAbsolutePath().toString().replace("'", "''")
              + "', header = true, all_varchar = true, delim = ',', quote = '\"',"
              + " escape = '\"')";
      readTruth(statement, csv, truth, idColumn);
      try (ResultSet conflict =
          statement.executeQuery(
              "SELECT file, record_id FROM truth WHERE labels > 1 ORDER BY file, record_id"
                  + " LIMIT 1")) {
        if (conflict.next()) {
          throw new PuenteException(
              ErrorCode.BAD_INPUT,
              truth
                  + ": record_id '"
                  + conflict.getString(2)
                  + "'"
                  + (conflict.getString(1).isEmpty()
                      ? ""
                      : " of file '" + conflict.getString(1) + "'")
                  + " has two different "
                  + idColumn
                  + " values");
        }
      }
      RunTables.histories(reader, catalog, run, duckdb);
      return count(statement, truth);
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot compare run " + run.id() + " with " + truth + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Reads the file into the temp table {@code truth} (file, record_id, one label, the number of
   * labels): a file DuckDB cannot read as CSV, or without the columns, is bad input.
   */
  private static void readTruth(Statement statement, String csv, Path truth, String idColumn) {
    try {
      List<String> columns = new ArrayList<>();
      try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + csv)) {
        while (described.next()) {
          columns.add(described.getString("column_name"));
        }
      }
      if (!columns.contains("record_id") || !columns.contains(idColumn)) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT,
            truth + " line 1: needs the columns record_id and " + idColumn + ", has " + columns);
      }
      // An empty field is an empty text, as a CSV parser gives it, not a missing value.
      statement.execute(
          "CREATE TEMP TABLE truth AS SELECT file, record_id, any_value(label) AS label,"
              + " count(DISTINCT label) AS labels FROM (SELECT "
              + (columns.contains("file") ? "coalesce(file, '')" : "''")
              + " AS file, coalesce(record_id, '') AS record_id, coalesce("
              + quoted(idColumn)
              + ", '') AS label FROM "
              + csv
              + ") GROUP BY file, record_id");
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT, truth + ": cannot be read as CSV: " + e.getMessage(), e);
    }
  }

  private static TruthComparison count(Statement statement, Path truth) throws SQLException {
    // Grouping sets (country, label, traveller), (country, traveller), (country, label) and
    // (country): the cells, the clusters, the true people and the country's records. The clusters
    // count labelled records only; an unlabelled record's label is NULL, so count(label) skips it.
    String sizes =
        "SELECT country, label, grouping(label) AS by_all_labels,"
            + " grouping(traveller_id) AS by_all_travellers, count(label) AS n,"
            + " count(*) - count(label) AS missing FROM (SELECT h.reporting_country AS country,"
            + " h.traveller_id, coalesce(t.label, u.label) AS label FROM histories_named h"
            + " LEFT JOIN truth t ON t.file = h.file AND t.record_id = h.record_id"
            + " LEFT JOIN truth u ON u.file = '' AND u.record_id = h.record_id)"
            + " GROUP BY GROUPING SETS ((country, label, traveller_id), (country, traveller_id),"
            + " (country, label), (country))";
    String pairs = "CAST(n * (n - 1) // 2 AS HUGEINT)";
    long labelled = 0;
    long unlabelled = 0;
    SortedMap<String, PairwiseQuality> byCountry = new TreeMap<>();
    try (ResultSet row =
        statement.executeQuery(
            "SELECT country,"
                + " CAST(coalesce(sum("
                + pairs
                + ") FILTER (WHERE by_all_labels = 0 AND by_all_travellers = 0"
                + " AND label IS NOT NULL), 0) AS BIGINT) AS true_positives,"
                + " CAST(coalesce(sum("
                + pairs
                + ") FILTER (WHERE by_all_labels = 1 AND by_all_travellers = 0), 0) AS BIGINT)"
                + " AS predicted,"
                + " CAST(coalesce(sum("
                + pairs
                + ") FILTER (WHERE by_all_labels = 0 AND by_all_travellers = 1"
                + " AND label IS NOT NULL), 0) AS BIGINT) AS actual,"
                + " CAST(sum(n) FILTER (WHERE by_all_labels = 1 AND by_all_travellers = 1)"
                + " AS BIGINT) AS labelled,"
                + " CAST(sum(missing) FILTER (WHERE by_all_labels = 1 AND by_all_travellers = 1)"
                + " AS BIGINT) AS unlabelled"
                + " FROM ("
                + sizes
                + ") GROUP BY country ORDER BY country")) {
      while (row.next()) {
        long countryLabelled = row.getLong("labelled");
        labelled += countryLabelled;
        unlabelled += row.getLong("unlabelled");
        if (countryLabelled == 0) {
          continue;
        }
        long truePositives = row.getLong("true_positives");
        byCountry.put(
            row.getString("country"),
            new PairwiseQuality(
                truePositives,
                row.getLong("predicted") - truePositives,
                row.getLong("actual") - truePositives));
      }
    }
    if (byCountry.isEmpty()) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT,
          truth + ": no record of the run has a label (check the file and record_id columns)");
    }
    return new TruthComparison(labelled, unlabelled, byCountry);
  }

  private static String quoted(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }
}
