package org.puente.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sdc.ProtectionRules;
import org.puente.sdmx.SdmxData;
import org.puente.sdmx.SdmxIds;
import org.puente.server.ServerContext;
import org.puente.server.api.Api.Param;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;

/**
 * The data part of the SDMX REST API v2, for protected tables only: {@code
 * /sdmx/2/data/dataflow/{agency}/{id}/{version}/{key}}. The key has one position per dimension of
 * the dataflow's structure, in its order, joined by {@code .}; a position holds one code, several
 * joined by {@code ,} (or {@code +}), or nothing or {@code *} for every code; positions left out at
 * the end are wildcards too, as SDMX says. A position with one code filters the table; {@code _T}
 * asks for the total; a wildcard or several codes breaks the table down by that dimension (then
 * keeps the codes asked for). At most {@link #MAX_BREAKDOWN} dimensions may be broken down in one
 * query: each adds a dimension to the table protected for it. SDMX-JSON by default, SDMX-CSV when
 * the {@code Accept} header or {@code format=csv} asks. Not yet: {@code c[DIM]} filters, {@code
 * updatedAfter}, {@code lastNObservations}.
 */
public final class SdmxDataApi {

  static final int MAX_BREAKDOWN = 4;

  private SdmxDataApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    Param agency = Param.path("agency", "PUENTE, or *");
    Param id = Param.path("id", "the dataflow, e.g. DF_CROSSINGS");
    Param version = Param.path("version", "1.0.0, or * + ~ for the latest");
    Param format = Param.query("format", "json (default) or csv; or the Accept header");
    api.getAs(
        "/sdmx/2/data/dataflow/{agency}/{id}/{version}/{key}",
        "SDMX data of a dataflow for a key (protected tables only)",
        "signed in",
        List.of(SdmxApiTypes.DATA_JSON, SdmxApiTypes.DATA_CSV),
        ctx -> answer(server, ctx),
        agency,
        id,
        version,
        Param.path("key", "codes per dimension joined by '.', several by ',', '*' for all"),
        format);
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
    Query query = parse(cube, key);
    PublishedTable table =
        server.statistics().table(query.request(), "group", ProtectionRules.defaults());
    PublishedTable kept = keep(table, query.kept());
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
    ctx.result(bytes.toByteArray());
  }

  /** A key's table request and, per broken-down dimension, the codes to keep (empty: all). */
  record Query(TableRequest request, Map<String, Set<String>> kept) {}

  static Query parse(CubeDefinition cube, String key) {
    List<Dimension> dimensions = cube.dimensions();
    String[] positions = key.isEmpty() ? new String[0] : key.split("\\.", -1);
    if (positions.length > dimensions.size()) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "the key has "
              + positions.length
              + " positions; "
              + SdmxIds.dataflow(cube)
              + " has "
              + dimensions.size()
              + " dimensions: "
              + dimensions.stream().map(SdmxIds::dimension).collect(Collectors.joining(".")));
    }
    List<String> by = new ArrayList<>();
    Map<String, List<String>> where = new LinkedHashMap<>();
    Map<String, Set<String>> kept = new LinkedHashMap<>();
    Optional<String> period = Optional.empty();
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension dimension = dimensions.get(i);
      String position = i < positions.length ? positions[i] : "";
      if (position.isEmpty() || position.equals("*")) {
        by.add(dimension.id());
        kept.put(dimension.id(), Set.of());
        continue;
      }
      List<String> codes = Arrays.stream(position.split("[,+]")).map(String::trim).toList();
      if (codes.size() == 1) {
        String code = codes.get(0);
        if (code.equals(Dimension.TOTAL)) {
          continue;
        }
        if (dimension.id().equals("period")) {
          period = Optional.of(code);
        } else {
          where.put(dimension.id(), List.of(code));
        }
      } else {
        by.add(dimension.id());
        kept.put(dimension.id(), Set.copyOf(codes));
      }
    }
    if (by.size() > MAX_BREAKDOWN) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "at most "
              + MAX_BREAKDOWN
              + " dimensions may be wildcards (including positions left out) or hold several codes"
              + " in one query: give one code, or _T for the total, for the others");
    }
    String level =
        period
            .map(p -> p.contains("-Q") ? "quarter" : p.length() == 7 ? "month" : "year")
            .orElse("year");
    return new Query(new TableRequest(cube.id(), by, where, period, level), kept);
  }

  /** The table's rows whose codes are among those asked for. */
  private static PublishedTable keep(PublishedTable table, Map<String, Set<String>> kept) {
    List<PublishedTable.Row> rows = new ArrayList<>();
    for (PublishedTable.Row row : table.rows()) {
      boolean keep = true;
      for (int d = 0; d < table.dimensions().size(); d++) {
        Set<String> codes = kept.get(table.dimensions().get(d).id());
        if (codes != null && !codes.isEmpty() && !codes.contains(row.codes().get(d))) {
          keep = false;
        }
      }
      if (keep) {
        rows.add(row);
      }
    }
    return new PublishedTable(
        table.cube(), table.dimensions(), table.sliced(), rows, table.metadata());
  }
}
