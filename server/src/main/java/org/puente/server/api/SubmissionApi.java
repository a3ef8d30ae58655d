package org.puente.server.api;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.lake.catalog.SubmissionStatus;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectSummary;
import org.puente.node.rejects.RejectedRow;
import org.puente.server.ServerContext;
import org.puente.server.Specs;
import org.puente.server.api.Api.Param;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;
import org.puente.spec.FieldMapping;
import org.puente.spec.FieldSource;
import org.puente.spec.MappingSpec;

/** Submissions and their rejected rows, each shown only to whom {@link Access} allows. */
public final class SubmissionApi {

  /** What a masked field shows instead of its value. */
  public static final String MASK = "•••";

  private static final int MAX_REJECTS = 1_000;

  private SubmissionApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    api.get(
        "/api/submissions",
        "Submitted files with their counts and status",
        "administrator (all); data steward or analyst (own country)",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR, Role.DATA_STEWARD, Role.ANALYST);
          ctx.json(visible(server, principal, upper(ctx.queryParam("country"))));
        },
        Param.query("country", "only this reporting country (ISO 3166 alpha-3)"));
    api.get(
        "/api/submissions/{id}",
        "One submission",
        "administrator; data steward or analyst of its country",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Submission submission = submission(server, ctx.pathParam("id"));
          Source source = server.node().catalog().sources().get(submission.sourceId());
          Access.requireSubmissionsOf(principal, source.reportingCountry());
          ctx.json(Json.submission(submission, source));
        },
        Param.path("id", "the submission id"));
    api.get(
        "/api/submissions/{id}/rejects",
        "Rejected rows with line and reasons; identifier fields masked unless reveal=true"
            + " (audited)",
        "data steward of the submission's country",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Submission submission = submission(server, ctx.pathParam("id"));
          Source source = server.node().catalog().sources().get(submission.sourceId());
          Access.requireRejectsOf(principal, source.reportingCountry());
          boolean reveal = "true".equals(ctx.queryParam("reveal"));
          int limit = limit(ctx.queryParam("limit"));
          Map<String, Object> result =
              rejects(server, submission, source, reveal, limit, principal, ctx);
          ctx.json(result);
        },
        Param.path("id", "the submission id"),
        Param.query("reveal", "true to show identifier fields in clear (audited)"),
        Param.query("limit", "at most this many rows (default 100, at most 1000)"));
  }

  /**
   * The submissions {@code principal} may see, oldest first, optionally of one country, as the API
   * and the submissions page show them.
   */
  public static List<Map<String, Object>> visible(
      ServerContext server, Principal principal, String country) {
    List<Map<String, Object>> list = new ArrayList<>();
    Map<Long, Source> sources = new LinkedHashMap<>();
    for (Submission submission : server.node().catalog().submissions().list()) {
      Source source =
          sources.computeIfAbsent(
              submission.sourceId(), id -> server.node().catalog().sources().get(id));
      if (Access.maySeeSubmissionsOf(principal, source.reportingCountry())
          && (country == null || country.equals(source.reportingCountry()))) {
        list.add(Json.submission(submission, source));
      }
    }
    return list;
  }

  private static Map<String, Object> rejects(
      ServerContext server,
      Submission submission,
      Source source,
      boolean reveal,
      int limit,
      Principal principal,
      io.javalin.http.Context ctx) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("submission", submission.id());
    result.put("revealed", reveal);
    List<Map<String, Object>> rows = new ArrayList<>();
    result.put("rows", rows);
    String name = Ingestor.rejectsName(submission.id());
    RejectStore store = new RejectStore(server.node().keys(), new SecureRandom());
    if (submission.status() != SubmissionStatus.COMMITTED || !store.submissions().contains(name)) {
      result.put("total", 0);
      return result;
    }
    List<RejectSummary> summaries = store.list(name);
    result.put("total", summaries.size());
    Set<String> clearColumns = clearColumns(server.specs(), source);
    List<RejectSummary> shown = summaries.subList(0, Math.min(limit, summaries.size()));
    if (reveal && !shown.isEmpty()) {
      server
          .audit()
          .record(
              principal,
              ctx,
              "REJECT_REVEALED",
              "submission "
                  + submission.id()
                  + " lines "
                  + shown.get(0).line()
                  + ".."
                  + shown.get(shown.size() - 1).line(),
              "ok");
    }
    for (RejectSummary summary : shown) {
      RejectedRow row = store.reveal(name, summary.line());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("line", row.line());
      json.put("reasons", row.reasons());
      Map<String, String> fields = new LinkedHashMap<>();
      row.fields()
          .forEach(
              (column, value) ->
                  fields.put(
                      column,
                      reveal || clearColumns.contains(column) || value == null || value.isEmpty()
                          ? value
                          : MASK));
      json.put("fields", fields);
      rows.add(json);
    }
    return result;
  }

  /**
   * The columns that may be shown in clear: those the source's spec maps to variables that are not
   * personal identifiers, and its record reference. Any other column (an identifier, or one the
   * spec does not read, whose content nobody declared) is masked; if the spec is not offered any
   * more, every column is.
   */
  static Set<String> clearColumns(Specs specs, Source source) {
    Optional<MappingSpec> spec =
        specs.list().stream()
            .map(Specs.Offered::spec)
            .filter(s -> s.name().equals(source.specName()))
            .filter(s -> String.valueOf(s.version()).equals(source.specVersion()))
            .findFirst();
    Set<String> clear = new HashSet<>();
    if (spec.isEmpty()) {
      return clear;
    }
    Set<String> identifying = new HashSet<>();
    for (FieldMapping field : spec.get().fields()) {
      if (field.source() instanceof FieldSource.Columns columns) {
        (field.variable().personalIdentifier() ? identifying : clear).addAll(columns.names());
      }
    }
    clear.removeAll(identifying);
    clear.add(spec.get().recordId());
    return clear;
  }

  static Submission submission(ServerContext server, String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new PuenteException(ErrorCode.USAGE, "a submission id is a number");
    }
    return server.node().catalog().submissions().list().stream()
        .filter(s -> s.id() == number)
        .findFirst()
        .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no submission " + number));
  }

  private static int limit(String text) {
    if (text == null) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit < 1 || limit > MAX_REJECTS) {
        throw new NumberFormatException();
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new PuenteException(ErrorCode.USAGE, "limit is a number from 1 to " + MAX_REJECTS);
    }
  }

  static String upper(String country) {
    if (country == null || country.isBlank()) {
      return null;
    }
    if (!country.matches("[A-Za-z]{3}")) {
      throw new PuenteException(ErrorCode.USAGE, "a country is an ISO 3166 alpha-3 code");
    }
    return country.toUpperCase(java.util.Locale.ROOT);
  }
}
