package org.puente.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.puente.cube.CubeDefinition;
import org.puente.cube.PeriodMode;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.DerivationRun;
import org.puente.sdc.ProtectionRules;
import org.puente.sdmx.SdmxData;
import org.puente.sdmx.SdmxIds;
import org.puente.server.ServerContext;
import org.puente.server.api.Api.Param;
import org.puente.stats.PublishedTable;

/**
 * The data part of the SDMX REST API v2, for protected tables only: {@code
 * /sdmx/2/data/dataflow/{agency}/{id}/{version}[/{key}]}. The key has one position per dimension of
 * the dataflow's structure, in its order, joined by {@code .}; a position holds one code, several
 * joined by {@code ,} (or {@code +}), or nothing or {@code *} for every code; positions left out at
 * the end, or the whole key, are wildcards too, as SDMX says. Filters {@code c[DIM]=CODE,CODE} on a
 * dimension combine with the key (both must hold); {@code c[TIME_PERIOD]} also takes {@code ge:},
 * {@code gt:}, {@code le:} and {@code lt:} joined by {@code +} (and), alternatives by {@code ,}
 * (or), periods of one kind (years, {@code 2024-Q1} quarters or {@code 2024-03} months). A
 * dimension left with one code filters the table; {@code _T} asks for the total; a wildcard,
 * several codes or a range of periods breaks the table down by that dimension (then keeps the codes
 * asked for). At most {@link #MAX_BREAKDOWN} dimensions may be broken down in one query: each adds
 * a dimension to the table protected for it. {@code updatedAfter} answers 204 without a body when
 * the latest run committed at or before it; {@code lastNObservations} and {@code
 * firstNObservations} keep, per series (every dimension but the period), the last or first N
 * periods of the answer. SDMX-JSON by default, SDMX-CSV when the {@code Accept} header or {@code
 * format=csv} asks.
 */
public final class SdmxDataApi {

  static final int MAX_BREAKDOWN = 4;

  private static final String NOT_UPDATED =
      "No data: the latest derivation run committed at or before updatedAfter";

  private SdmxDataApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    Param agency = Param.path("agency", "PUENTE, or *");
    Param id = Param.path("id", "the dataflow, e.g. DF_CROSSINGS");
    Param version = Param.path("version", "1.0.0, or * + ~ for the latest");
    Param[] query = {
      Param.query(
          "c[DIM]",
          "a filter on the dimension DIM (e.g. c[SEX]=F,M): codes joined by ',' or '+';"
              + " c[TIME_PERIOD] also takes ge:, gt:, le:, lt: joined by '+' (and), e.g."
              + " ge:2023+le:2024 or ge:2024-01; combined with the key (both must hold)"),
      Param.query(
          "updatedAfter",
          "an ISO-8601 date-time (UTC without an offset): no content (204) unless the latest run"
              + " committed after it"),
      Param.query("lastNObservations", "a positive integer: per series, only the last N periods"),
      Param.query("firstNObservations", "a positive integer: per series, only the first N periods"),
      Param.query("format", "json (default) or csv; or the Accept header")
    };
    List<Param> withKey = new ArrayList<>(List.of(agency, id, version));
    withKey.add(
        Param.path("key", "codes per dimension joined by '.', several by ',', '*' for all"));
    withKey.addAll(List.of(query));
    api.getAs(
        "/sdmx/2/data/dataflow/{agency}/{id}/{version}/{key}",
        "SDMX data of a dataflow for a key (protected tables only)",
        "signed in",
        List.of(SdmxApiTypes.DATA_JSON, SdmxApiTypes.DATA_CSV),
        NOT_UPDATED,
        ctx -> answer(server, ctx),
        withKey.toArray(Param[]::new));
    List<Param> withoutKey = new ArrayList<>(List.of(agency, id, version));
    withoutKey.addAll(List.of(query));
    api.getAs(
        "/sdmx/2/data/dataflow/{agency}/{id}/{version}",
        "SDMX data of a dataflow, every key position a wildcard (narrow it with c[DIM])",
        "signed in",
        List.of(SdmxApiTypes.DATA_JSON, SdmxApiTypes.DATA_CSV),
        NOT_UPDATED,
        ctx -> answer(server, ctx),
        withoutKey.toArray(Param[]::new));
  }

  private static void answer(ServerContext server, Context ctx) {
    server.auth().require(ctx);
    String agency = ctx.pathParam("agency");
    String version = ctx.pathParam("version");
    SdmxApi.checkAgencyAndVersion(agency, version);
    String flow = ctx.pathParam("id");
    if (MirrorApi.isMirror(flow)) {
      MirrorApi.answerSdmx(server, ctx);
      return;
    }
    CubeDefinition cube =
        server.statistics().catalogue().cubes().stream()
            .filter(c -> SdmxIds.dataflow(c).equals(flow))
            .findFirst()
            .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no dataflow " + flow));
    String key = ctx.pathParamMap().getOrDefault("key", "");
    SdmxDataQuery query = SdmxDataQuery.parse(cube, key, filters(ctx), MAX_BREAKDOWN);
    Optional<Instant> updatedAfter =
        Optional.ofNullable(ctx.queryParam("updatedAfter")).map(SdmxDataApi::instant);
    OptionalInt last = count(ctx, "lastNObservations");
    OptionalInt first = count(ctx, "firstNObservations");
    if (updatedAfter.isPresent()) {
      DerivationRun run =
          server
              .statistics()
              .run()
              .orElseThrow(
                  () ->
                      new PuenteException(
                          ErrorCode.NOT_FOUND,
                          "no derivation run yet: tables count a run's records"));
      Instant committed = run.finishedAt().orElse(run.startedAt());
      if (!committed.isAfter(updatedAfter.get())) {
        // SDMX REST v2 (sdmx-twg/sdmx-rest, doc/status.md): "204 | If the result from the query
        // is empty, and this lack of results is considered acceptable" (404 is for a resource
        // that is not available; REST v1's 404 "No results found" was replaced). Nothing changed.
        ctx.status(204);
        return;
      }
    }
    PublishedTable kept;
    if (query.empty()) {
      kept =
          new PublishedTable(
              cube,
              List.of(),
              cube.periodMode() == PeriodMode.SLICE,
              List.of(),
              ProtectionRules.defaults().metadata());
    } else {
      PublishedTable table =
          server.statistics().table(query.request(), "group", ProtectionRules.defaults());
      kept = SdmxSeries.firstAndLast(SdmxSeries.keep(table, query.kept()), first, last);
    }
    boolean csv =
        "csv".equals(ctx.queryParam("format"))
            || Optional.ofNullable(ctx.header("Accept")).orElse("").contains("csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (csv) {
        try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
          SdmxData.csv(kept, text);
        }
        ctx.contentType(SdmxApiTypes.DATA_CSV);
      } else {
        SdmxData.json(kept, bytes, Instant.now());
        ctx.contentType(SdmxApiTypes.DATA_JSON);
      }
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, "as SDMX: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExchangeApi.signed(server, ctx, bytes.toByteArray());
  }

  /** The {@code c[DIM]} query parameters: DIM → the value as sent. */
  private static Map<String, String> filters(Context ctx) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      String name = param.getKey();
      if (name.startsWith("c[") && name.endsWith("]")) {
        if (param.getValue().size() != 1) {
          throw new PuenteException(
              ErrorCode.USAGE, name + " may be given once (join codes by ',')");
        }
        filters.put(name.substring(2, name.length() - 1), param.getValue().get(0));
      }
    }
    return filters;
  }

  /** {@code updatedAfter}: an ISO-8601 date-time, UTC when it has no offset. */
  static Instant instant(String text) {
    // An unencoded '+' of an offset arrives as a space.
    String value = text.trim().replace(' ', '+');
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return OffsetDateTime.from(parsed).toInstant();
      }
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "updatedAfter is an ISO-8601 date-time, e.g. 2025-01-31T12:00:00Z: " + text);
    }
  }

  /** A positive integer query parameter, if given. */
  private static OptionalInt count(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n > 0) {
        return OptionalInt.of(n);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new PuenteException(ErrorCode.USAGE, name + " is a positive integer: " + text);
  }
}
