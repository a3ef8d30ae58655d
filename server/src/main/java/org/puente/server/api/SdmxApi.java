package org.puente.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.codelist.CodeLists;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.hub.mirror.MirrorStructures;
import org.puente.sdmx.SdmxIds;
import org.puente.sdmx.SdmxStructures;
import org.puente.server.ServerContext;
import org.puente.server.api.Api.Param;

/**
 * The structure part of the SDMX REST API v2 ({@code /sdmx/2/structure/{type}/{agency}/{id}/
 * {version}}), answering SDMX-JSON 2.0 structure messages: dataflows, data structures, code lists
 * and the concept scheme of the node's cubes. Structures say what the node can publish, never a
 * value, so they are open to everyone, as SDMX registries are; data (issue 9) are protected.
 */
public final class SdmxApi {

  static final String STRUCTURE_JSON = "application/vnd.sdmx.structure+json;version=2.0.0";

  /** REST structure types → the message member that holds them. */
  private static final Map<String, String> TYPES =
      Map.of(
          "dataflow", "dataflows",
          "datastructure", "dataStructures",
          "codelist", "codelists",
          "conceptscheme", "conceptSchemes");

  /** One of SdmxStructures' messages of a single kind. */
  private interface StructureMessage {
    ObjectNode make(
        org.puente.cube.CubeCatalogue catalogue,
        org.puente.cube.RollUp rollUp,
        CodeLists codeLists,
        java.time.Instant prepared);
  }

  /** REST structure types → the message of that kind. */
  private static final Map<String, StructureMessage> MESSAGES =
      Map.of(
          "dataflow", SdmxStructures::dataflows,
          "datastructure", SdmxStructures::dataStructures,
          "codelist", SdmxStructures::codelists,
          "conceptscheme", SdmxStructures::conceptSchemes);

  private SdmxApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    String summary = "SDMX-JSON 2.0 structures (SDMX REST v2): ";
    Param type = Param.path("type", "dataflow, datastructure, codelist or conceptscheme");
    Param agency = Param.path("agency", "PUENTE, or * for any");
    Param id = Param.path("id", "the artefact id (e.g. CL_SEX, DF_CROSSINGS), ids joined by ','");
    Param version = Param.path("version", "1.0.0, or * + ~ for the latest");
    api.getAs(
        "/sdmx/2/structure/{type}",
        summary + "every artefact of a type",
        "everyone",
        List.of(STRUCTURE_JSON),
        ctx -> answer(server, ctx),
        type);
    api.getAs(
        "/sdmx/2/structure/{type}/{agency}",
        summary + "an agency's artefacts of a type",
        "everyone",
        List.of(STRUCTURE_JSON),
        ctx -> answer(server, ctx),
        type,
        agency);
    api.getAs(
        "/sdmx/2/structure/{type}/{agency}/{id}",
        summary + "artefacts by id",
        "everyone",
        List.of(STRUCTURE_JSON),
        ctx -> answer(server, ctx),
        type,
        agency,
        id);
    api.getAs(
        "/sdmx/2/structure/{type}/{agency}/{id}/{version}",
        summary + "artefacts by id and version",
        "everyone",
        List.of(STRUCTURE_JSON),
        ctx -> answer(server, ctx),
        type,
        agency,
        id,
        version);
  }

  private static void answer(ServerContext server, Context ctx) {
    String type = ctx.pathParam("type");
    String member = TYPES.get(type);
    if (member == null) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "structure type is one of "
              + TYPES.keySet().stream().sorted().collect(Collectors.joining(", ")));
    }
    String agency = param(ctx, "agency");
    String version = param(ctx, "version");
    checkAgencyAndVersion(agency, version);
    var statistics = server.statistics();
    ObjectNode message =
        MESSAGES
            .get(type)
            .make(
                statistics.catalogue(),
                statistics.rollUp(),
                CodeLists.standard(),
                Clock.systemUTC().instant());
    MirrorStructures.addTo(message);
    String ids = param(ctx, "id");
    if (!ids.equals("*")) {
      Set<String> wanted = Arrays.stream(ids.split(",")).collect(Collectors.toSet());
      ArrayNode all = (ArrayNode) message.get("data").get(member);
      ArrayNode kept = all.arrayNode();
      for (JsonNode artefact : all) {
        if (wanted.contains(artefact.get("id").asText())) {
          kept.add(artefact);
        }
      }
      if (kept.isEmpty()) {
        throw new PuenteException(ErrorCode.NOT_FOUND, "no " + type + " " + ids);
      }
      ((ObjectNode) message.get("data")).set(member, kept);
    }
    ctx.contentType(STRUCTURE_JSON)
        .result(message.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** NOT_FOUND unless the agency and version are this node's (or wildcards). */
  static void checkAgencyAndVersion(String agency, String version) {
    if (!agency.equals("*") && !agency.equals(SdmxIds.AGENCY)) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "this node's agency is " + SdmxIds.AGENCY);
    }
    if (!Set.of("*", "+", "~", SdmxIds.VERSION).contains(version)) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "this node has version " + SdmxIds.VERSION);
    }
  }

  /** A path parameter, or {@code *} when the path leaves it out. */
  private static String param(Context ctx, String name) {
    return ctx.pathParamMap().getOrDefault(name, "*");
  }
}
