package org.puente.stats;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.Ingestor;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectSummary;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;

/**
 * Data quality per source (reporting country and event kind): rows read, records, rejects and
 * duplicates, completeness and rejected rows per variable, and disaggregation coverage (the share
 * of records usable by sex, age, citizenship and migration status). Counts only: nothing is
 * decrypted ({@code puente quality}, the server's {@code /api/quality}).
 */
public final class DataQuality {

  private static final Pattern REASON_VARIABLE = Pattern.compile("\\(([a-z_]+)\\):");

  private DataQuality() {}

  /** One entry per source, in country then kind order; NOT_FOUND when there is none. */
  public static List<Map<String, Object>> report(
      NodeHome home, Catalog catalog, KeyStore keys, Optional<String> only) {
    List<Map<String, Object>> report = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      RejectStore rejects = new RejectStore(keys, new SecureRandom());
      Map<String, List<Submission>> bySource = new TreeMap<>();
      Map<String, Source> sources = new LinkedHashMap<>();
      for (Submission submission : catalog.submissions().list()) {
        Source source = catalog.sources().get(submission.sourceId());
        String key = source.reportingCountry() + "/" + source.eventKind();
        if (only.isEmpty() || only.get().equals(source.reportingCountry())) {
          bySource.computeIfAbsent(key, k -> new ArrayList<>()).add(submission);
          sources.putIfAbsent(key, source);
        }
      }
      if (bySource.isEmpty()) {
        throw new PuenteException(
            ErrorCode.NOT_FOUND,
            "no submissions"
                + only.map(c -> " for " + c).orElse("")
                + " yet: load exports with 'puente ingest'");
      }
      for (Map.Entry<String, List<Submission>> entry : bySource.entrySet()) {
        Source source = sources.get(entry.getKey());
        report.add(quality(home, catalog, duckdb, rejects, source, entry.getValue()));
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot read the lake: " + e.getMessage(), e);
    }
    return report;
  }

  private static Map<String, Object> quality(
      NodeHome home,
      Catalog catalog,
      Connection duckdb,
      RejectStore rejects,
      Source source,
      List<Submission> submissions)
      throws SQLException {
    long read = 0;
    long rejected = 0;
    long duplicates = 0;
    Map<String, Long> rejectedByVariable = new TreeMap<>();
    for (Submission submission : submissions) {
      if (submission.counts().isEmpty()) {
        continue;
      }
      RowCounts counts = submission.counts().get();
      read += counts.read();
      rejected += counts.rejected();
      duplicates += counts.duplicate();
      String name = Ingestor.rejectsName(submission.id());
      if (counts.rejected() > 0 && rejects.submissions().contains(name)) {
        for (RejectSummary summary : rejects.list(name)) {
          for (String reason : summary.reasons()) {
            Matcher matcher = REASON_VARIABLE.matcher(reason);
            rejectedByVariable.merge(matcher.find() ? matcher.group(1) : "row", 1L, Long::sum);
          }
        }
      }
    }
    EventKind kind = source.eventKind();
    RecordTable.createView(
        new LakeReader(home, catalog),
        duckdb,
        "q",
        LakeQuery.of(kind).country(source.reportingCountry()));
    List<Variable> variables = RecordTable.dataVariables(RegionalSchema.standard(), kind);
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    for (Variable variable : variables) {
      sql.append(", count(\"").append(variable.name()).append("\")");
    }
    // A kind without one of the four variables (returns have no migration status) cannot be
    // disaggregated by it: its coverage is 0 and says so, rather than failing the report.
    java.util.Set<String> present = new java.util.HashSet<>();
    variables.forEach(v -> present.add(v.name()));
    String sex = present.contains("sex") ? "sex IN ('F', 'M', '_O')" : "FALSE";
    String age = present.contains("age_at_event") ? "age_at_event IS NOT NULL" : "FALSE";
    String citizenship = present.contains("citizenship") ? "citizenship IS NOT NULL" : "FALSE";
    String status =
        present.contains("migration_status")
            ? "migration_status IS NOT NULL AND migration_status <> '_U'"
            : "FALSE";
    for (String condition : List.of(sex, age, citizenship, status)) {
      sql.append(", count(*) FILTER (WHERE ").append(condition).append(')');
    }
    sql.append(", count(*) FILTER (WHERE ")
        .append(String.join(" AND ", List.of(sex, age, citizenship, status)))
        .append(") FROM q");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("country", source.reportingCountry());
    result.put("kind", kind.name());
    try (Statement statement = duckdb.createStatement();
        ResultSet rows = statement.executeQuery(sql.toString())) {
      rows.next();
      long records = rows.getLong(1);
      result.put("rowsRead", read);
      result.put("records", records);
      result.put("rejected", rejected);
      result.put("duplicates", duplicates);
      Map<String, Object> perVariable = new LinkedHashMap<>();
      for (int i = 0; i < variables.size(); i++) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("completeness", share(rows.getLong(2 + i), records));
        variable.put("rejectedRows", rejectedByVariable.getOrDefault(variables.get(i).name(), 0L));
        perVariable.put(variables.get(i).name(), variable);
      }
      result.put("variables", perVariable);
      int at = 2 + variables.size();
      Map<String, Object> coverage = new LinkedHashMap<>();
      coverage.put("sex", share(rows.getLong(at), records));
      coverage.put("age", share(rows.getLong(at + 1), records));
      coverage.put("citizenship", share(rows.getLong(at + 2), records));
      coverage.put("migrationStatus", share(rows.getLong(at + 3), records));
      coverage.put("all four", share(rows.getLong(at + 4), records));
      result.put("disaggregationCoverage", coverage);
      result.put("rejectedByVariable", rejectedByVariable);
    }
    return result;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
