package org.puente.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.AuditEntry;
import org.puente.server.ServerContext;
import org.puente.server.api.Api.Param;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;
import org.puente.stats.DataQuality;

/** The audit log (administrators), data quality, the health check and the OpenAPI document. */
public final class AdminApi {

  private AdminApi() {}

  public static void register(ServerContext server, String version) {
    Api api = server.api();
    api.get(
        "/api/health",
        "Whether the node answers, and its latest run",
        "everyone",
        ctx -> {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("status", "ok");
          json.put("version", version);
          json.put("run", server.statistics().run().map(run -> run.id()).orElse(null));
          ctx.json(json);
        });
    api.get(
        "/api/openapi.json",
        "This document",
        "everyone",
        ctx -> ctx.json(server.api().openApi(version)));
    api.get(
        "/api/audit",
        "The audit log, newest last",
        "administrator",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          org.puente.server.auth.Access.requireRole(principal, Role.ADMINISTRATOR);
          int limit = 200;
          String text = ctx.queryParam("limit");
          if (text != null) {
            try {
              limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
              limit = -1;
            }
            if (limit < 1 || limit > 10_000) {
              throw new PuenteException(ErrorCode.USAGE, "limit is a number from 1 to 10000");
            }
          }
          List<Map<String, Object>> entries = new ArrayList<>();
          for (AuditEntry entry : server.node().catalog().audit().recent(limit)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", entry.id());
            json.put("at", entry.at().toString());
            json.put("actor", entry.actor());
            json.put("origin", entry.origin());
            json.put("action", entry.action());
            json.put("target", entry.target());
            json.put("outcome", entry.outcome());
            entries.add(json);
          }
          ctx.json(entries);
        },
        Param.query("limit", "the last N entries (default 200)"));
    api.get(
        "/api/quality",
        "Data quality and disaggregation coverage per source",
        "administrator and regional analyst (all); data steward and analyst (own country)",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          String country = SubmissionApi.upper(ctx.queryParam("country"));
          if (principal.is(Role.DATA_STEWARD) || principal.is(Role.ANALYST)) {
            if (country != null && !principal.ofCountry(country)) {
              throw new PuenteException(
                  ErrorCode.FORBIDDEN, "data quality is shown for the user's own country");
            }
            country = principal.country().orElseThrow();
          } else {
            org.puente.server.auth.Access.requireRole(
                principal, Role.ADMINISTRATOR, Role.REGIONAL_ANALYST);
          }
          ctx.json(
              DataQuality.report(
                  server.node().home(),
                  server.node().catalog(),
                  server.node().keys(),
                  Optional.ofNullable(country)));
        },
        Param.query("country", "only this reporting country"));
  }
}
