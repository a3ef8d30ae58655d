package org.puente.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sdc.ProtectionRules;
import org.puente.sdmx.SdmxData;
import org.puente.server.ServerContext;
import org.puente.server.ServerStatistics;
import org.puente.server.api.Api.Param;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.TableWriter;

/**
 * Statistics tables over the cubes of the latest run, as JSON, CSV (formula-safe, UTF-8) or XLSX.
 * Every table is protected unless an analyst asks for their own country with {@code protect=none},
 * which is audited; downloads (CSV, XLSX) are audited as exports.
 */
public final class TableApi {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String SDMX_CSV = SdmxApiTypes.DATA_CSV;
  static final String SDMX_JSON = SdmxApiTypes.DATA_JSON;

  /** An SDMX write; a table SDMX cannot key (several codes in one filter) is a usage error. */
  private interface SdmxWrite {
    void run() throws IOException;
  }

  private static void sdmx(SdmxWrite write) throws IOException {
    try {
      write.run();
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, "as SDMX: " + e.getMessage());
    }
  }

  private TableApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    api.get(
        "/api/cubes",
        "The cubes and their dimensions",
        "signed in",
        ctx -> {
          server.auth().require(ctx);
          String language = language(ctx);
          List<Map<String, Object>> cubes = new ArrayList<>();
          for (CubeDefinition cube : server.statistics().catalogue().cubes()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", cube.id());
            json.put("label", cube.label(language));
            List<Map<String, String>> dimensions = new ArrayList<>();
            for (Dimension dimension : cube.dimensions()) {
              dimensions.add(Map.of("id", dimension.id(), "label", dimension.label(language)));
            }
            json.put("dimensions", dimensions);
            cubes.add(json);
          }
          ctx.json(cubes);
        });
    api.getAs(
        "/api/tables/{cube}",
        "A table of a cube, protected (docs/DISCLOSURE.md)",
        "signed in; viewers protect=default only; protect=none: an analyst, own country, audited",
        List.of(Api.JSON, CSV, XLSX, SDMX_CSV, SDMX_JSON),
        ctx -> table(server, ctx),
        Param.path("cube", "the cube (GET /api/cubes)"),
        Param.query("by", "dimensions to break down by, comma-separated"),
        Param.query("where", "DIM:CODE[,CODE], repeatable: keep records under these codes"),
        Param.query("period", "2024, 2024-Q2, 2024-03 or 2024-01..2024-06"),
        Param.query("period-level", "month (default), quarter or year"),
        Param.query("age-level", "group (default) or single"),
        Param.query("protect", "default, threshold10, round5, ckm or none"),
        Param.query("format", "json (default), csv, xlsx, sdmx-csv or sdmx-json (SDMX 2.0)"),
        Param.query("lang", "en (default) or es: the labels"));
  }

  private static void table(ServerContext server, Context ctx) {
    Principal principal = server.auth().require(ctx);
    String cube = ctx.pathParam("cube");
    server.statistics().catalogue().require(cube);
    Map<String, List<String>> where = ServerStatistics.parseWhere(ctx.queryParams("where"));
    String preset = lower(ctx.queryParam("protect"), "default");
    ProtectionRules rules = Access.tableRules(principal, preset, where);
    String format = lower(ctx.queryParam("format"), "json");
    if (!List.of("json", "csv", "xlsx", "sdmx-csv", "sdmx-json").contains(format)) {
      throw new PuenteException(
          ErrorCode.USAGE, "format is json, csv, xlsx, sdmx-csv or sdmx-json");
    }
    String ageLevel = lower(ctx.queryParam("age-level"), "group");
    if (!List.of("group", "single").contains(ageLevel)) {
      throw new PuenteException(ErrorCode.USAGE, "age-level is group or single");
    }
    String by = ctx.queryParam("by");
    TableRequest request =
        new TableRequest(
            cube,
            by == null || by.isBlank()
                ? List.of()
                : Arrays.stream(by.split(",")).map(String::trim).toList(),
            where,
            Optional.ofNullable(ctx.queryParam("period")).filter(p -> !p.isBlank()),
            lower(ctx.queryParam("period-level"), "month"));
    boolean unprotected = rules.method() == ProtectionRules.Method.NONE;
    String target = request.describe();
    PublishedTable table;
    try {
      table = server.statistics().table(request, ageLevel, rules);
    } catch (RuntimeException e) {
      if (unprotected) {
        server
            .audit()
            .record(
                principal, ctx, "TABLE_UNPROTECTED", target, "failed: " + e.getClass().getName());
      }
      throw e;
    }
    if (unprotected) {
      server.audit().record(principal, ctx, "TABLE_UNPROTECTED", target, "ok");
    }
    TableWriter writer = new TableWriter(server.statistics().rollUp(), language(ctx));
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      switch (format) {
        case "csv" -> {
          try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.csv(table, text);
          }
          download(server, principal, ctx, target, cube + ".csv", CSV + "; charset=utf-8");
        }
        case "xlsx" -> {
          writer.xlsx(table, bytes);
          download(server, principal, ctx, target, cube + ".xlsx", XLSX);
        }
        case "sdmx-csv" -> {
          try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            sdmx(() -> SdmxData.csv(table, text));
          }
          download(server, principal, ctx, target, cube + ".sdmx.csv", SDMX_CSV);
        }
        case "sdmx-json" -> {
          sdmx(() -> SdmxData.json(table, bytes, java.time.Instant.now()));
          ctx.contentType(SDMX_JSON);
        }
        default -> {
          writer.json(table, bytes);
          ctx.contentType(Api.JSON);
        }
      }
      ctx.result(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void download(
      ServerContext server,
      Principal principal,
      Context ctx,
      String target,
      String fileName,
      String type) {
    server.audit().record(principal, ctx, "EXPORT", target + " as " + fileName, "ok");
    ctx.contentType(type);
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
  }

  /** The language of labels: {@code lang} if given, else the language cookie, else English. */
  public static String language(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null) {
      lang = ctx.cookie("puente_lang");
    }
    return "es".equals(lang) ? "es" : "en";
  }

  private static String lower(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
  }
}
