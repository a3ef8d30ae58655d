package org.puente.hub.mirror;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.puente.sdmx.SdmxIds;
import org.puente.sdmx.SdmxStructures;

/**
 * The SDMX structures of the mirror statistics: the dataflow {@code DF_MIRROR} of the data
 * structure {@code DSD_MIRROR} (dimensions {@code ORIGIN}, {@code DESTINATION} on {@code
 * CL_COUNTRY}, {@code MEASURE} on {@code CL_MIRROR_MEASURE}, the time dimension {@code
 * TIME_PERIOD}; the decimal measure {@code OBS_VALUE}; the observation attributes {@code
 * CONF_STATUS} and {@code MIRROR_FLAG}), their code lists and concepts. They are added to the
 * structure messages of the cubes ({@link SdmxStructures}) so that one answer lists everything.
 */
public final class MirrorStructures {

  public static final String DATAFLOW = "DF_MIRROR";
  public static final String DATA_STRUCTURE = "DSD_MIRROR";
  public static final String CL_MEASURE = "CL_MIRROR_MEASURE";
  public static final String CL_FLAG = "CL_MIRROR_FLAG";
  public static final String ORIGIN = "ORIGIN";
  public static final String DESTINATION = "DESTINATION";
  public static final String MEASURE = "MEASURE";
  public static final String MIRROR_FLAG = "MIRROR_FLAG";
  public static final String CL_COUNTRY = "CL_COUNTRY";

  /** The dimensions in key order. */
  public static final List<String> DIMENSIONS =
      List.of(ORIGIN, DESTINATION, MEASURE, SdmxIds.TIME_PERIOD);

  /** The reference {@code PUENTE:DF_MIRROR(1.0.0)}. */
  public static final String DATAFLOW_REFERENCE =
      SdmxIds.AGENCY + ":" + DATAFLOW + "(" + SdmxIds.VERSION + ")";

  private static final String URN = "urn:sdmx:org.sdmx.infomodel.";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The measures: code, English and Spanish names. */
  static final List<List<String>> MEASURES =
      List.of(
          List.of(
              "DEPARTURES_BY_ORIGIN",
              "Departures to the destination, as the origin records them",
              "Salidas hacia el destino, según las registra el origen"),
          List.of(
              "ARRIVALS_BY_DESTINATION",
              "Arrivals from the origin, as the destination records them",
              "Entradas desde el origen, según las registra el destino"),
          List.of("RATIO", "Ratio of arrivals to departures", "Cociente entre entradas y salidas"),
          List.of("LOG_RATIO", "Natural logarithm of the ratio", "Logaritmo natural del cociente"),
          List.of(
              "SPD",
              "Symmetric percentage difference, 100·(A − D)/((A + D)/2)",
              "Diferencia porcentual simétrica, 100·(E − S)/((E + S)/2)"));

  private MirrorStructures() {}

  public static String dataflowUrn() {
    return URN + "datastructure.Dataflow=" + DATAFLOW_REFERENCE;
  }

  public static String dataStructureUrn() {
    return URN
        + "datastructure.DataStructure="
        + SdmxIds.AGENCY
        + ":"
        + DATA_STRUCTURE
        + "("
        + SdmxIds.VERSION
        + ")";
  }

  /**
   * Adds the mirror artefacts to a structure message of {@link SdmxStructures}: to each member it
   * holds ({@code dataflows}, {@code dataStructures}, {@code codelists}, and the concepts of {@link
   * SdmxStructures#CONCEPT_SCHEME}).
   */
  public static void addTo(ObjectNode message) {
    requireNonNull(message, "message is null");
    JsonNode data = message.get("data");
    if (!(data instanceof ObjectNode)) {
      throw new IllegalArgumentException("not a structure message");
    }
    if (data.get("dataflows") instanceof ArrayNode flows) {
      flows.add(dataflow());
    }
    if (data.get("dataStructures") instanceof ArrayNode structures) {
      structures.add(dataStructure());
    }
    if (data.get("codelists") instanceof ArrayNode lists) {
      lists.add(measureCodelist());
      lists.add(flagCodelist());
    }
    if (data.get("conceptSchemes") instanceof ArrayNode schemes) {
      for (JsonNode scheme : schemes) {
        if (SdmxStructures.CONCEPT_SCHEME.equals(scheme.path("id").asText())
            && scheme.get("concepts") instanceof ArrayNode concepts) {
          concepts.add(concept(ORIGIN, "Country of origin", "País de origen"));
          concepts.add(concept(DESTINATION, "Country of destination", "País de destino"));
          concepts.add(concept(MEASURE, "Mirror measure", "Medida espejo"));
          concepts.add(
              concept(
                  MIRROR_FLAG,
                  "What may explain a mirror gap",
                  "Lo que puede explicar una brecha espejo"));
        }
      }
    }
  }

  static ObjectNode dataflow() {
    ObjectNode flow =
        SdmxStructures.maintainableNode(
            DATAFLOW,
            "Mirror statistics: bilateral crossings as each side reports them",
            "Estadísticas espejo: cruces bilaterales según los registra cada parte",
            dataflowUrn());
    ObjectNode structure = ((ArrayNode) flow.get("links")).addObject();
    structure.put("rel", "structure");
    structure.put("urn", dataStructureUrn());
    flow.put("structure", dataStructureUrn());
    return flow;
  }

  static ObjectNode dataStructure() {
    ObjectNode dsd =
        SdmxStructures.maintainableNode(
            DATA_STRUCTURE,
            "Mirror statistics of bilateral crossings",
            "Estadísticas espejo de los cruces bilaterales",
            dataStructureUrn());
    ObjectNode components = dsd.putObject("dataStructureComponents");

    ObjectNode attributeList = components.putObject("attributeList");
    attributeList.put("id", "AttributeDescriptor");
    ArrayNode attributes = attributeList.putArray("attributes");
    attributes.add(attribute(SdmxIds.CONF_STATUS, "mandatory", SdmxStructures.CL_CONF_STATUS));
    attributes.add(attribute(MIRROR_FLAG, "optional", CL_FLAG));

    ObjectNode dimensionList = components.putObject("dimensionList");
    dimensionList.put("id", "DimensionDescriptor");
    ArrayNode dimensions = dimensionList.putArray("dimensions");
    dimensions.add(dimension(ORIGIN, 1, CL_COUNTRY));
    dimensions.add(dimension(DESTINATION, 2, CL_COUNTRY));
    dimensions.add(dimension(MEASURE, 3, CL_MEASURE));
    ObjectNode time = JSON.objectNode();
    time.put("id", SdmxIds.TIME_PERIOD);
    time.put("position", 4);
    time.put("conceptIdentity", SdmxStructures.conceptUrn(SdmxIds.TIME_PERIOD));
    time.putObject("localRepresentation")
        .putObject("format")
        .put("dataType", "ObservationalTimePeriod");
    dimensionList.set("timeDimension", time);

    ObjectNode measureList = components.putObject("measureList");
    measureList.put("id", "MeasureDescriptor");
    ObjectNode measure = measureList.putArray("measures").addObject();
    measure.put("id", SdmxIds.OBS_VALUE);
    measure.put("usage", "optional");
    measure.put("conceptIdentity", SdmxStructures.conceptUrn(SdmxIds.OBS_VALUE));
    measure.putObject("localRepresentation").putObject("format").put("dataType", "Decimal");
    return dsd;
  }

  static ObjectNode measureCodelist() {
    ObjectNode list =
        SdmxStructures.maintainableNode(
            CL_MEASURE,
            "Mirror statistics measures",
            "Medidas de las estadísticas espejo",
            SdmxStructures.codelistUrn(CL_MEASURE));
    ArrayNode codes = list.putArray("codes");
    for (List<String> code : MEASURES) {
      ObjectNode node = codes.addObject();
      node.put("id", code.get(0));
      SdmxStructures.names(node, code.get(1), code.get(2));
    }
    return list;
  }

  static ObjectNode flagCodelist() {
    ObjectNode list =
        SdmxStructures.maintainableNode(
            CL_FLAG,
            "Mirror statistics flags",
            "Señales de las estadísticas espejo",
            SdmxStructures.codelistUrn(CL_FLAG));
    ObjectNode node = list.putArray("codes").addObject();
    node.put("id", Mirror.PairFlag.ORIGIN_PORTS_WITHOUT_EXIT_CONTROL.name());
    SdmxStructures.names(
        node,
        "The origin has ports without exit control: its departures under-count",
        "El origen tiene puertos sin control de salida: sus salidas se subestiman");
    return list;
  }

  private static ObjectNode dimension(String id, int position, String codelist) {
    ObjectNode node = JSON.objectNode();
    node.put("id", id);
    node.put("position", position);
    node.put("conceptIdentity", SdmxStructures.conceptUrn(id));
    node.putObject("localRepresentation").put("enumeration", SdmxStructures.codelistUrn(codelist));
    return node;
  }

  private static ObjectNode attribute(String id, String usage, String codelist) {
    ObjectNode node = JSON.objectNode();
    node.put("id", id);
    node.put("usage", usage);
    node.putObject("attributeRelationship").putObject("observation");
    node.put("conceptIdentity", SdmxStructures.conceptUrn(id));
    node.putObject("localRepresentation").put("enumeration", SdmxStructures.codelistUrn(codelist));
    return node;
  }

  private static ObjectNode concept(String id, String en, String es) {
    ObjectNode node = JSON.objectNode();
    node.put("id", id);
    SdmxStructures.names(node, en, es);
    return node;
  }
}
