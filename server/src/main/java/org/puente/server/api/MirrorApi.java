package org.puente.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.hub.mirror.Mirror;
import org.puente.hub.mirror.Mirror.CountryIndices;
import org.puente.hub.mirror.Mirror.Pair;
import org.puente.hub.mirror.Mirror.Port;
import org.puente.hub.mirror.Mirror.Side;
import org.puente.hub.mirror.Mirror.SystemIndex;
import org.puente.hub.mirror.Mirror.YearSummary;
import org.puente.hub.mirror.MirrorData;
import org.puente.hub.mirror.MirrorStatistics;
import org.puente.hub.mirror.MirrorStructures;
import org.puente.server.ServerContext;
import org.puente.server.api.Api.Param;
import org.puente.server.auth.Principal;
import org.puente.stats.TableWriter;

/**
 * The hub's mirror statistics (docs/MIRROR.md), computed from the observations of every peer's
 * latest committed pull: {@code GET /api/hub/mirror} (JSON, or the pairs as CSV) and the SDMX data
 * of {@code DF_MIRROR}, which the SDMX data endpoint hands here. Signed-in users only.
 */
public final class MirrorApi {

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MirrorApi() {}

  public static void register(ServerContext server) {
    server
        .api()
        .getAs(
            "/api/hub/mirror",
            "Mirror statistics of the hub: bilateral pairs as each side reports them, their"
                + " agreement, ports without exit control, migration-system indices",
            "signed in",
            List.of(Api.JSON, TableApi.CSV),
            ctx -> answer(server, ctx),
            Param.query("year", "a year (YYYY); every year when left out"),
            Param.query("format", "json (default) or csv (the pairs)"));
  }

  /** The mirror statistics of what the hub holds now. */
  public static Mirror mirror(ServerContext server) {
    var catalog = server.node().catalog();
    return MirrorStatistics.compute(catalog.pulls().current(), catalog.population());
  }

  /** The statistics of {@code year} when given, else of every year. */
  static Mirror mirror(ServerContext server, Optional<String> year) {
    Mirror mirror = mirror(server);
    if (year.isEmpty()) {
      return mirror;
    }
    if (!YEAR.matcher(year.get()).matches()) {
      throw new PuenteException(ErrorCode.USAGE, "year is a year, YYYY");
    }
    return mirror.ofYear(Integer.parseInt(year.get()));
  }

  private static void answer(ServerContext server, Context ctx) {
    Principal principal = server.auth().require(ctx);
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new PuenteException(ErrorCode.USAGE, "format is json or csv");
    }
    Optional<String> year = Optional.ofNullable(ctx.queryParam("year")).filter(y -> !y.isBlank());
    Mirror mirror = mirror(server, year);
    if (format.equals("csv")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
        csv(mirror, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = "mirror" + year.map(y -> "-" + y).orElse("") + ".csv";
      server.audit().record(principal, ctx, "EXPORT", "mirror statistics as " + name, "ok");
      ctx.contentType(TableApi.CSV + "; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
      ctx.result(bytes.toByteArray());
      return;
    }
    ctx.contentType(Api.JSON).result(json(mirror).toString());
  }

  /** SDMX data of DF_MIRROR for the request's key, SDMX-JSON or SDMX-CSV. */
  static void answerSdmx(ServerContext server, Context ctx) {
    server.auth().require(ctx);
    String key = ctx.pathParamMap().getOrDefault("key", "");
    MirrorData.Key parsed;
    try {
      parsed = MirrorData.Key.parse(key);
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, e.getMessage());
    }
    List<MirrorData.Observation> observations =
        parsed.select(MirrorData.observations(mirror(server)));
    boolean csv =
        "csv".equals(ctx.queryParam("format"))
            || Optional.ofNullable(ctx.header("Accept")).orElse("").contains("csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (csv) {
      try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
        MirrorData.csv(observations, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ctx.contentType(SdmxApiTypes.DATA_CSV);
    } else {
      MirrorData.json(observations, bytes, Instant.now());
      ctx.contentType(SdmxApiTypes.DATA_JSON);
    }
    ctx.result(bytes.toByteArray());
  }

  /** Whether a dataflow id is the mirror statistics'. */
  static boolean isMirror(String dataflow) {
    return MirrorStructures.DATAFLOW.equals(dataflow);
  }

  static ObjectNode json(Mirror mirror) {
    ObjectNode root = JSON.objectNode();
    ArrayNode years = root.putArray("years");
    mirror.years().forEach(years::add);
    ArrayNode pairs = root.putArray("pairs");
    for (Pair pair : mirror.pairs()) {
      ObjectNode node = pairs.addObject();
      node.put("year", pair.year());
      node.put("origin", pair.origin());
      node.put("destination", pair.destination());
      node.set("departures", side(pair.departures()));
      node.set("arrivals", side(pair.arrivals()));
      number(node, "ratio", pair.ratio());
      number(node, "logRatio", pair.logRatio());
      number(node, "spd", pair.spd());
      if (pair.withinTenPercent().isPresent()) {
        node.put("withinTenPercent", pair.withinTenPercent().get());
      } else {
        node.putNull("withinTenPercent");
      }
      ArrayNode flags = node.putArray("flags");
      pair.flags().stream().map(Enum::name).sorted().forEach(flags::add);
    }
    ArrayNode summary = root.putArray("summary");
    for (YearSummary year : mirror.summary()) {
      ObjectNode node = summary.addObject();
      node.put("year", year.year());
      node.put("pairs", year.pairs());
      node.put("comparable", year.comparable());
      node.put("withinTenPercent", year.withinTenPercent());
      number(node, "share", year.share());
    }
    ArrayNode ports = root.putArray("ports");
    for (Port port : mirror.ports()) {
      ObjectNode node = ports.addObject();
      node.put("year", port.year());
      node.put("country", port.country());
      node.put("port", port.port());
      number(node, "arrivals", port.arrivals());
      number(node, "departures", port.departures());
      if (port.flag().isPresent()) {
        node.put("flag", port.flag().get().name());
      } else {
        node.putNull("flag");
      }
    }
    ArrayNode indices = root.putArray("indices");
    for (CountryIndices country : mirror.indices()) {
      ObjectNode node = indices.addObject();
      node.put("year", country.year());
      node.put("country", country.country());
      number(node, "migrantArrivals", country.migrantArrivals());
      number(node, "migrantDepartures", country.migrantDepartures());
      number(node, "net", country.net());
      number(node, "turnover", country.turnover());
      number(node, "effectiveness", country.effectiveness());
      number(node, "netMigrationRate", country.netMigrationRate());
    }
    ArrayNode system = root.putArray("system");
    for (SystemIndex year : mirror.system()) {
      ObjectNode node = system.addObject();
      node.put("year", year.year());
      number(node, "effectiveness", year.effectiveness());
    }
    return root;
  }

  private static ObjectNode side(Side side) {
    ObjectNode node = JSON.objectNode();
    number(node, "value", side.value());
    node.put("status", side.status().name());
    return node;
  }

  private static void number(ObjectNode node, String name, OptionalLong value) {
    if (value.isPresent()) {
      node.put(name, value.getAsLong());
    } else {
      node.putNull(name);
    }
  }

  private static void number(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }

  /**
   * The pairs as CSV. Every cell goes through {@link TableWriter#neutralise}: a cell a spreadsheet
   * would evaluate (a negative log-ratio or SPD starts with {@code -}) gets a leading apostrophe.
   */
  static void csv(Mirror mirror, Writer out) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    format.printRecord(
        out,
        "year",
        "origin",
        "destination",
        "departures",
        "departures_status",
        "arrivals",
        "arrivals_status",
        "ratio",
        "log_ratio",
        "spd",
        "within_ten_percent",
        "flags");
    for (Pair pair : mirror.pairs()) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(pair.year()));
      cells.add(pair.origin());
      cells.add(pair.destination());
      cells.add(text(pair.departures().value()));
      cells.add(pair.departures().status().name());
      cells.add(text(pair.arrivals().value()));
      cells.add(pair.arrivals().status().name());
      cells.add(text(pair.ratio()));
      cells.add(text(pair.logRatio()));
      cells.add(text(pair.spd()));
      cells.add(pair.withinTenPercent().map(String::valueOf).orElse(""));
      cells.add(String.join(" ", pair.flags().stream().map(Enum::name).sorted().toList()));
      format.printRecord(out, cells.stream().map(TableWriter::neutralise).toArray());
    }
    out.flush();
  }

  private static String text(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "";
  }

  private static String text(OptionalDouble value) {
    return value.isPresent() ? BigDecimal.valueOf(value.getAsDouble()).toPlainString() : "";
  }
}
