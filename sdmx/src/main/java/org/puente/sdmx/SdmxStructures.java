package org.puente.sdmx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.codelist.Code;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;
import org.puente.codelist.M49;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.DimensionKind;
import org.puente.cube.RollUp;

/**
 * SDMX-JSON 2.0 structure messages (SDMX 3.0) describing Puente's cubes: a data structure
 * definition and a dataflow per cube, the code lists of their coded dimensions and attributes, and
 * the concept scheme {@code CS_PUENTE}. Identifiers come from {@link SdmxIds}; names are given in
 * English and Spanish.
 *
 * <p>Each data structure lists the cube's dimensions in the cube's order (positions from 1); the
 * period is the time dimension {@code TIME_PERIOD} (text format {@code ObservationalTimePeriod});
 * ports are an open list, so the port dimension has a text format instead of a code list. The
 * measure is {@code OBS_VALUE}; {@code OBS_STATUS} and {@code CONF_STATUS} (SDMX cross-domain
 * codes) are attached to observations, {@code SDC_RULE} (text) to the dataset. Whether a
 * 12/16-month class is provisional is the {@code CLASS_STATUS} dimension, not an observation
 * status.
 *
 * <p>Code lists mirror the tables' hierarchies through {@code parent}: every code list has {@code
 * _T} (total) as its root and contains {@code _U} (unknown); the country list holds the ISO alpha-3
 * countries under their smallest UN M49 group and the M49 groups under theirs ({@code _T} stands
 * for the World); the age list holds the UN five-year groups and the single years under them.
 */
public final class SdmxStructures {

  /** The official SDMX-JSON 2.0 structure schema, given as {@code meta.schema}. */
  public static final String SCHEMA =
      "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/"
          + "schemas/2.0.0/sdmx-json-structure-schema.json";

  /** The concept scheme holding every dimension, measure and attribute concept. */
  public static final String CONCEPT_SCHEME = "CS_PUENTE";

  /** The code list of {@link SdmxIds#CONF_STATUS}. */
  public static final String CL_CONF_STATUS = "CL_CONF_STATUS";

  /** The code list of {@link SdmxIds#OBS_STATUS}. */
  public static final String CL_OBS_STATUS = "CL_OBS_STATUS";

  private static final List<String> LANGUAGES = List.of("en", "es");
  private static final String URN = "urn:sdmx:org.sdmx.infomodel.";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Spanish names of the regional code lists (the lists themselves are named in English). */
  private static final Map<String, String> LIST_NAMES_ES =
      Map.ofEntries(
          Map.entry("sex", "Sexo (SDMX)"),
          Map.entry("isco08", "Ocupaciones (grandes grupos y subgrupos principales de la CIUO-08)"),
          Map.entry("isic4", "Actividades económicas (secciones de la CIIU Rev.4)"),
          Map.entry("purpose", "Motivo principal del viaje"),
          Map.entry("transport_mode", "Medio de transporte"),
          Map.entry("document_type", "Tipo de documento"),
          Map.entry("return_type", "Tipo de retorno"),
          Map.entry("migration_status", "Condición migratoria"),
          Map.entry("permit_type", "Tipo de permiso"),
          Map.entry("direction", "Dirección del cruce"),
          Map.entry("event_kind", "Tipo de evento"));

  /** UN M49 group names in Spanish (the bundled table names them in English only). */
  private static final Map<String, String> M49_ES =
      Map.ofEntries(
          Map.entry("002", "África"),
          Map.entry("015", "África septentrional"),
          Map.entry("202", "África subsahariana"),
          Map.entry("014", "África oriental"),
          Map.entry("017", "África central"),
          Map.entry("018", "África meridional"),
          Map.entry("011", "África occidental"),
          Map.entry("019", "Américas"),
          Map.entry("419", "América Latina y el Caribe"),
          Map.entry("029", "Caribe"),
          Map.entry("013", "Centroamérica"),
          Map.entry("005", "América del Sur"),
          Map.entry("021", "América septentrional"),
          Map.entry("142", "Asia"),
          Map.entry("143", "Asia central"),
          Map.entry("030", "Asia oriental"),
          Map.entry("035", "Asia sudoriental"),
          Map.entry("034", "Asia meridional"),
          Map.entry("145", "Asia occidental"),
          Map.entry("150", "Europa"),
          Map.entry("151", "Europa oriental"),
          Map.entry("154", "Europa septentrional"),
          Map.entry("830", "Islas del Canal"),
          Map.entry("039", "Europa meridional"),
          Map.entry("155", "Europa occidental"),
          Map.entry("009", "Oceanía"),
          Map.entry("053", "Australia y Nueva Zelandia"),
          Map.entry("054", "Melanesia"),
          Map.entry("057", "Micronesia"),
          Map.entry("061", "Polinesia"));

  /** Labels of the codes of dimensions declared with their own codes, and of flags. */
  private static final Map<String, Map<String, String>> OWN_CODE_LABELS =
      Map.of(
          "FINAL", Map.of("en", "Final", "es", "Definitiva"),
          "PROVISIONAL", Map.of("en", "Provisional", "es", "Provisional"),
          "true", Map.of("en", "Yes", "es", "Sí"),
          "false", Map.of("en", "No", "es", "No"));

  private SdmxStructures() {}

  /** The full structure message: data structures, concept scheme, code lists and dataflows. */
  public static ObjectNode message(
      CubeCatalogue catalogue, RollUp rollUp, CodeLists codeLists, Instant prepared) {
    Builder builder = new Builder(catalogue, rollUp, codeLists);
    ObjectNode data = JSON.objectNode();
    data.set("dataStructures", builder.dataStructures());
    data.set("conceptSchemes", builder.conceptSchemes());
    data.set("codelists", builder.codelists());
    data.set("dataflows", builder.dataflows());
    return envelope("ALL", prepared, data);
  }

  /** A structure message with only the dataflows (one per cube). */
  public static ObjectNode dataflows(
      CubeCatalogue catalogue, RollUp rollUp, CodeLists codeLists, Instant prepared) {
    return single(
        "DATAFLOW", "dataflows", new Builder(catalogue, rollUp, codeLists).dataflows(), prepared);
  }

  /** A structure message with only the data structure definitions (one per cube). */
  public static ObjectNode dataStructures(
      CubeCatalogue catalogue, RollUp rollUp, CodeLists codeLists, Instant prepared) {
    return single(
        "DATASTRUCTURE",
        "dataStructures",
        new Builder(catalogue, rollUp, codeLists).dataStructures(),
        prepared);
  }

  /** A structure message with only the code lists. */
  public static ObjectNode codelists(
      CubeCatalogue catalogue, RollUp rollUp, CodeLists codeLists, Instant prepared) {
    return single(
        "CODELIST", "codelists", new Builder(catalogue, rollUp, codeLists).codelists(), prepared);
  }

  /** A structure message with only the concept scheme {@link #CONCEPT_SCHEME}. */
  public static ObjectNode conceptSchemes(
      CubeCatalogue catalogue, RollUp rollUp, CodeLists codeLists, Instant prepared) {
    return single(
        "CONCEPTSCHEME",
        "conceptSchemes",
        new Builder(catalogue, rollUp, codeLists).conceptSchemes(),
        prepared);
  }

  /** The URN of a code list of Puente, e.g. {@code ...Codelist=PUENTE:CL_SEX(1.0.0)}. */
  public static String codelistUrn(String codelistId) {
    return URN + "codelist.Codelist=" + maintainable(codelistId);
  }

  /** The URN of a concept of {@link #CONCEPT_SCHEME}. */
  public static String conceptUrn(String conceptId) {
    return URN + "conceptscheme.Concept=" + maintainable(CONCEPT_SCHEME) + "." + conceptId;
  }

  /** The URN of a cube's data structure definition. */
  public static String dataStructureUrn(CubeDefinition cube) {
    return URN + "datastructure.DataStructure=" + maintainable(SdmxIds.dataStructure(cube));
  }

  /** The URN of a cube's dataflow. */
  public static String dataflowUrn(CubeDefinition cube) {
    return URN + "datastructure.Dataflow=" + maintainable(SdmxIds.dataflow(cube));
  }

  /**
   * The code list id of a dimension, or empty for the period (a time dimension) and ports (an open
   * list, given as text).
   */
  public static Optional<String> codelistOf(Dimension dimension) {
    if (dimension.kind() == DimensionKind.PERIOD || dimension.kind() == DimensionKind.PORT) {
      return Optional.empty();
    }
    return Optional.of(SdmxIds.codeList(dimension));
  }

  private static String maintainable(String id) {
    return SdmxIds.AGENCY + ":" + id + "(" + SdmxIds.VERSION + ")";
  }

  /** A message holding one kind of artefact under {@code member}. */
  private static ObjectNode single(
      String kind, String member, ArrayNode artefacts, Instant prepared) {
    ObjectNode data = JSON.objectNode();
    data.set(member, artefacts);
    return envelope(kind, prepared, data);
  }

  private static ObjectNode envelope(String kind, Instant prepared, ObjectNode data) {
    Instant at = requireNonNull(prepared, "prepared is null").truncatedTo(ChronoUnit.SECONDS);
    ObjectNode meta = JSON.objectNode();
    meta.put("schema", SCHEMA);
    meta.put("id", "PUENTE_STRUCTURE_" + kind + "_" + at.getEpochSecond());
    meta.put("test", false);
    meta.put("prepared", at.toString());
    ArrayNode languages = meta.putArray("contentLanguages");
    LANGUAGES.forEach(languages::add);
    meta.putObject("sender").put("id", SdmxIds.AGENCY);
    ObjectNode message = JSON.objectNode();
    message.set("meta", meta);
    message.set("data", data);
    return message;
  }

  /** Puts an artefact's English name and its names in English and Spanish. */
  public static void names(ObjectNode node, String en, String es) {
    node.put("name", en);
    ObjectNode names = node.putObject("names");
    names.put("en", en);
    names.put("es", es);
  }

  /**
   * A maintainable artefact of agency PUENTE, version 1.0.0 (a data structure, a code list, a
   * dataflow, a concept scheme): id, names and its self link by URN.
   */
  public static ObjectNode maintainableNode(String id, String en, String es, String urn) {
    ObjectNode node = JSON.objectNode();
    node.put("id", id);
    node.put("version", SdmxIds.VERSION);
    node.put("agencyID", SdmxIds.AGENCY);
    node.put("isExternalReference", false);
    names(node, en, es);
    ObjectNode self = node.putArray("links").addObject();
    self.put("rel", "self");
    self.put("urn", urn);
    return node;
  }

  /** Builds the artefacts of one catalogue. */
  private static final class Builder {
    private final CubeCatalogue catalogue;
    private final RollUp rollUp;
    private final CodeLists codeLists;

    Builder(CubeCatalogue catalogue, RollUp rollUp, CodeLists codeLists) {
      this.catalogue = requireNonNull(catalogue, "catalogue is null");
      this.rollUp = requireNonNull(rollUp, "rollUp is null");
      this.codeLists = requireNonNull(codeLists, "codeLists is null");
    }

    /** Every dimension used by a cube, once, in catalogue order. */
    private List<Dimension> dimensions() {
      Map<String, Dimension> result = new LinkedHashMap<>();
      for (CubeDefinition cube : catalogue.cubes()) {
        for (Dimension dimension : cube.dimensions()) {
          result.putIfAbsent(dimension.id(), dimension);
        }
      }
      return List.copyOf(result.values());
    }

    ArrayNode dataflows() {
      ArrayNode flows = JSON.arrayNode();
      for (CubeDefinition cube : catalogue.cubes()) {
        ObjectNode flow =
            maintainableNode(
                SdmxIds.dataflow(cube), cube.label("en"), cube.label("es"), dataflowUrn(cube));
        ObjectNode structure = ((ArrayNode) flow.get("links")).addObject();
        structure.put("rel", "structure");
        structure.put("urn", dataStructureUrn(cube));
        flow.put("structure", dataStructureUrn(cube));
        flows.add(flow);
      }
      return flows;
    }

    ArrayNode dataStructures() {
      ArrayNode structures = JSON.arrayNode();
      for (CubeDefinition cube : catalogue.cubes()) {
        ObjectNode dsd =
            maintainableNode(
                SdmxIds.dataStructure(cube),
                cube.label("en"),
                cube.label("es"),
                dataStructureUrn(cube));
        ObjectNode components = dsd.putObject("dataStructureComponents");
        components.set("attributeList", attributes());
        components.set("dimensionList", dimensionList(cube));
        components.set("measureList", measures());
        structures.add(dsd);
      }
      return structures;
    }

    private ObjectNode dimensionList(CubeDefinition cube) {
      ObjectNode list = JSON.objectNode();
      list.put("id", "DimensionDescriptor");
      ArrayNode dimensions = list.putArray("dimensions");
      int position = 1;
      for (Dimension dimension : cube.dimensions()) {
        String id = SdmxIds.dimension(dimension);
        ObjectNode node = JSON.objectNode();
        node.put("id", id);
        node.put("position", position++);
        node.put("conceptIdentity", conceptUrn(id));
        ObjectNode representation = node.putObject("localRepresentation");
        if (dimension.kind() == DimensionKind.PERIOD) {
          representation.putObject("format").put("dataType", "ObservationalTimePeriod");
          list.set("timeDimension", node);
        } else {
          Optional<String> codelist = codelistOf(dimension);
          if (codelist.isPresent()) {
            representation.put("enumeration", codelistUrn(codelist.get()));
          } else {
            representation.putObject("format").put("dataType", "String");
          }
          dimensions.add(node);
        }
      }
      return list;
    }

    private static ObjectNode measures() {
      ObjectNode list = JSON.objectNode();
      list.put("id", "MeasureDescriptor");
      ObjectNode measure = list.putArray("measures").addObject();
      measure.put("id", SdmxIds.OBS_VALUE);
      measure.put("usage", "optional");
      measure.put("conceptIdentity", conceptUrn(SdmxIds.OBS_VALUE));
      measure.putObject("localRepresentation").putObject("format").put("dataType", "Integer");
      return list;
    }

    private static ObjectNode attributes() {
      ObjectNode list = JSON.objectNode();
      list.put("id", "AttributeDescriptor");
      ArrayNode attributes = list.putArray("attributes");
      attributes.add(
          attribute(SdmxIds.OBS_STATUS, "mandatory", "observation", Optional.of(CL_OBS_STATUS)));
      attributes.add(
          attribute(SdmxIds.CONF_STATUS, "mandatory", "observation", Optional.of(CL_CONF_STATUS)));
      attributes.add(attribute(SdmxIds.SDC_RULE, "optional", "dataflow", Optional.empty()));
      return list;
    }

    private static ObjectNode attribute(
        String id, String usage, String attachment, Optional<String> codelist) {
      ObjectNode node = JSON.objectNode();
      node.put("id", id);
      node.put("usage", usage);
      node.putObject("attributeRelationship").putObject(attachment);
      node.put("conceptIdentity", conceptUrn(id));
      ObjectNode representation = node.putObject("localRepresentation");
      if (codelist.isPresent()) {
        representation.put("enumeration", codelistUrn(codelist.get()));
      } else {
        representation.putObject("format").put("dataType", "String");
      }
      return node;
    }

    ArrayNode conceptSchemes() {
      ObjectNode scheme =
          maintainableNode(
              CONCEPT_SCHEME,
              "Concepts of Puente's migration statistics",
              "Conceptos de las estadísticas de migración de Puente",
              URN + "conceptscheme.ConceptScheme=" + maintainable(CONCEPT_SCHEME));
      ArrayNode concepts = scheme.putArray("concepts");
      for (Dimension dimension : dimensions()) {
        concepts.add(
            concept(SdmxIds.dimension(dimension), dimension.label("en"), label(dimension)));
      }
      concepts.add(concept(SdmxIds.OBS_VALUE, "Observation value", "Valor de la observación"));
      concepts.add(concept(SdmxIds.OBS_STATUS, "Observation status", "Estado de la observación"));
      concepts.add(
          concept(SdmxIds.CONF_STATUS, "Confidentiality status", "Estado de confidencialidad"));
      concepts.add(
          concept(
              SdmxIds.SDC_RULE,
              "Statistical disclosure control rule applied",
              "Regla de control de divulgación estadística aplicada"));
      ArrayNode schemes = JSON.arrayNode();
      schemes.add(scheme);
      return schemes;
    }

    private static String label(Dimension dimension) {
      return dimension.label("es");
    }

    private static ObjectNode concept(String id, String en, String es) {
      ObjectNode node = JSON.objectNode();
      node.put("id", id);
      names(node, en, es);
      return node;
    }

    ArrayNode codelists() {
      ArrayNode lists = JSON.arrayNode();
      Map<String, Dimension> byList = new LinkedHashMap<>();
      for (Dimension dimension : dimensions()) {
        codelistOf(dimension).ifPresent(id -> byList.putIfAbsent(id, dimension));
      }
      byList.forEach((id, dimension) -> lists.add(dimensionCodelist(id, dimension)));
      lists.add(
          fixedCodelist(
              CL_OBS_STATUS,
              "Observation status (SDMX cross-domain)",
              "Estado de la observación (SDMX, intersectorial)",
              List.of(
                  List.of("A", "Normal value", "Valor normal"),
                  List.of("P", "Provisional value", "Valor provisional"))));
      lists.add(
          fixedCodelist(
              CL_CONF_STATUS,
              "Confidentiality status (SDMX cross-domain)",
              "Estado de confidencialidad (SDMX, intersectorial)",
              List.of(
                  List.of("F", "Free", "Libre"),
                  List.of(
                      "C",
                      "Confidential statistical information",
                      "Información estadística confidencial"),
                  List.of(
                      "D",
                      "Secondary confidentiality set by the sender, not for publication",
                      "Confidencialidad secundaria fijada por el emisor, no publicable"),
                  List.of(
                      "N",
                      "Not for publication, restricted for internal use only",
                      "No publicable, solo para uso interno"))));
      return lists;
    }

    private static ObjectNode fixedCodelist(
        String id, String en, String es, List<List<String>> codes) {
      ObjectNode list = maintainableNode(id, en, es, codelistUrn(id));
      ArrayNode array = list.putArray("codes");
      for (List<String> code : codes) {
        ObjectNode node = array.addObject();
        node.put("id", code.get(0));
        names(node, code.get(1), code.get(2));
      }
      return list;
    }

    private ObjectNode dimensionCodelist(String id, Dimension dimension) {
      String en;
      String es;
      List<SdmxCode> codes = new ArrayList<>();
      codes.add(total(dimension));
      switch (dimension.kind()) {
        case COUNTRY -> {
          en = "Countries and areas (ISO 3166-1 alpha-3) and UN M49 regions";
          es = "Países y áreas (ISO 3166-1 alfa-3) y regiones M49 de las Naciones Unidas";
          for (Code group : codeLists.require("m49").codes()) {
            if (!group.id().equals(M49.WORLD)) {
              codes.add(
                  new SdmxCode(
                      group.id(),
                      group.parent().filter(p -> !p.equals(M49.WORLD)).orElse(Dimension.TOTAL),
                      group.label("en"),
                      M49_ES.getOrDefault(group.id(), group.label("en"))));
            }
          }
          for (Country country : codeLists.countries()) {
            codes.add(
                new SdmxCode(
                    country.alpha3(),
                    parent(dimension, country.alpha3()),
                    country.nameEn(),
                    country.nameEs()));
          }
        }
        case AGE -> {
          en = "Age (UN five-year groups and single years)";
          es = "Edad (grupos quinquenales de las Naciones Unidas y años cumplidos)";
          for (String listId : List.of("age_group", "age")) {
            for (Code code : codeLists.require(listId).codes()) {
              codes.add(fromCode(dimension, code));
            }
          }
        }
        case FLAG -> {
          en = dimension.label("en");
          es = dimension.label("es");
          for (String flag : List.of("true", "false")) {
            codes.add(own(flag));
          }
        }
        default -> {
          Optional<CodeList> regional = dimension.codeList().flatMap(codeLists::list);
          if (regional.isPresent()) {
            en = regional.get().name();
            es = LIST_NAMES_ES.getOrDefault(regional.get().id(), dimension.label("es"));
            for (Code code : regional.get().codes()) {
              codes.add(fromCode(dimension, code));
            }
          } else {
            en = dimension.label("en");
            es = dimension.label("es");
            for (String code : dimension.codes()) {
              codes.add(own(code));
            }
          }
        }
      }
      codes.add(unknown(dimension));
      ObjectNode list = maintainableNode(id, en, es, codelistUrn(id));
      ArrayNode array = list.putArray("codes");
      Map<String, Boolean> seen = new LinkedHashMap<>();
      for (SdmxCode code : codes) {
        if (seen.putIfAbsent(code.id(), true) == null) {
          ObjectNode node = array.addObject();
          node.put("id", code.id());
          names(node, code.en(), code.es());
          if (code.parent() != null) {
            node.put("parent", code.parent());
          }
        }
      }
      return list;
    }

    private SdmxCode fromCode(Dimension dimension, Code code) {
      return new SdmxCode(
          code.id(), parent(dimension, code.id()), code.label("en"), code.label("es"));
    }

    private SdmxCode own(String code) {
      Map<String, String> labels = OWN_CODE_LABELS.getOrDefault(code, Map.of());
      String en = labels.getOrDefault("en", titleCase(code));
      return new SdmxCode(code, Dimension.TOTAL, en, labels.getOrDefault("es", en));
    }

    private SdmxCode total(Dimension dimension) {
      return new SdmxCode(
          Dimension.TOTAL,
          null,
          rollUp.label(dimension, Dimension.TOTAL, "en"),
          rollUp.label(dimension, Dimension.TOTAL, "es"));
    }

    private SdmxCode unknown(Dimension dimension) {
      return new SdmxCode(
          Dimension.UNKNOWN,
          Dimension.TOTAL,
          rollUp.label(dimension, Dimension.UNKNOWN, "en"),
          rollUp.label(dimension, Dimension.UNKNOWN, "es"));
    }

    /** The nearest ancestor of a code in the tables' hierarchy; null for the total. */
    private String parent(Dimension dimension, String code) {
      if (code.equals(Dimension.TOTAL)) {
        return null;
      }
      List<String> ancestors = rollUp.ancestors(dimension, code, Map.of());
      return ancestors.isEmpty() ? null : ancestors.get(0);
    }

    private static String titleCase(String code) {
      String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
      return lower.isEmpty() ? code : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
  }

  /** A code as published: id, parent (null for the root), English and Spanish names. */
  private record SdmxCode(String id, String parent, String en, String es) {}
}
