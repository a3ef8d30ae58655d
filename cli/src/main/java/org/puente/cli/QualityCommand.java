package org.puente.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.Ingestor;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectSummary;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code puente quality}: data quality per country and event kind: completeness and validity per
 * variable, duplicates, and disaggregation coverage (the share of records usable by sex, age,
 * citizenship and migration status, which says whether a country can disaggregate at all).
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Data quality of the committed records, per reporting country and event kind:",
      "completeness (share of accepted records with a value) and validity (rows rejected because",
      "of the variable) per variable, duplicates, and disaggregation coverage by sex, age,",
      "citizenship and migration status."
    })
final class QualityCommand implements Runnable {

  private static final Pattern REASON_VARIABLE = Pattern.compile("\\(([a-z_]+)\\):");

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--country", paramLabel = "ISO3", description = "Only this reporting country.")
  String country;

  @Mixin CatalogOption catalogOption;

  @Override
  public void run() {
    String only = country == null ? null : country.toUpperCase(Locale.ROOT);
    List<Map<String, Object>> report = new ArrayList<>();
    try (Node node = catalogOption.openNode(common);
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      RejectStore rejects = new RejectStore(node.keys, new SecureRandom());
      Map<String, List<Submission>> bySource = new TreeMap<>();
      Map<String, Source> sources = new LinkedHashMap<>();
      for (Submission submission : node.catalog.submissions().list()) {
        Source source = node.catalog.sources().get(submission.sourceId());
        String key = source.reportingCountry() + "/" + source.eventKind();
        if (only == null || only.equals(source.reportingCountry())) {
          bySource.computeIfAbsent(key, k -> new ArrayList<>()).add(submission);
          sources.putIfAbsent(key, source);
        }
      }
      if (bySource.isEmpty()) {
        throw new PuenteException(
            ErrorCode.NOT_FOUND,
            "no submissions"
                + (only == null ? "" : " for " + only)
                + " yet: load exports with 'puente ingest'");
      }
      for (Map.Entry<String, List<Submission>> entry : bySource.entrySet()) {
        Source source = sources.get(entry.getKey());
        report.add(quality(node, duckdb, rejects, source, entry.getValue()));
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot read the lake: " + e.getMessage(), e);
    }
    print(spec.commandLine().getOut(), report);
  }

  private Map<String, Object> quality(
      Node node,
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
        new LakeReader(node.home, node.catalog),
        duckdb,
        "q",
        LakeQuery.of(kind).country(source.reportingCountry()));
    List<Variable> variables = RecordTable.dataVariables(RegionalSchema.standard(), kind);
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    for (Variable variable : variables) {
      sql.append(", count(\"").append(variable.name()).append("\")");
    }
    sql.append(", count(*) FILTER (WHERE sex IN ('F', 'M', '_O'))")
        .append(", count(age_at_event)")
        .append(", count(citizenship)")
        .append(
            ", count(*) FILTER (WHERE migration_status IS NOT NULL AND migration_status <> '_U')")
        .append(
            ", count(*) FILTER (WHERE sex IN ('F', 'M', '_O') AND age_at_event IS NOT NULL AND citizenship IS NOT NULL AND migration_status IS NOT NULL AND migration_status <> '_U')")
        .append(" FROM q");
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

  @SuppressWarnings("unchecked")
  private void print(PrintWriter out, List<Map<String, Object>> report) {
    if (common.json) {
      Json.print(out, report);
      return;
    }
    for (Map<String, Object> source : report) {
      out.printf(
          "%s %s: %,d rows read, %,d records, %,d rejected, %,d duplicates%n",
          source.get("country"),
          source.get("kind"),
          source.get("rowsRead"),
          source.get("records"),
          source.get("rejected"),
          source.get("duplicates"));
      out.println("  disaggregation coverage: " + source.get("disaggregationCoverage"));
      out.println("  rejected rows by variable: " + source.get("rejectedByVariable"));
      out.printf("  %-22s %13s %14s%n", "VARIABLE", "COMPLETENESS", "REJECTED ROWS");
      Map<String, Map<String, Object>> variables =
          (Map<String, Map<String, Object>>) source.get("variables");
      variables.forEach(
          (name, values) ->
              out.printf(
                  "  %-22s %12.1f%% %14s%n",
                  name, 100 * (double) values.get("completeness"), values.get("rejectedRows")));
      out.println();
    }
  }
}
