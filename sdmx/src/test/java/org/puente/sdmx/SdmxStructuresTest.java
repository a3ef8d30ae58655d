package org.puente.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.codelist.AgeGroups;
import org.puente.codelist.Code;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.DimensionKind;
import org.puente.cube.RollUp;

class SdmxStructuresTest {

  /** The bundled official schemas and samples; tests run in the module directory. */
  private static final Path STANDARD =
      Path.of("src/main/resources/org/puente/sdmx/sdmx-json-2.0.0").toAbsolutePath();

  private static final Path SAMPLES =
      Path.of("src/test/resources/org/puente/sdmx/samples").toAbsolutePath();

  private static final Instant PREPARED = Instant.parse("2026-11-29T10:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Schema schema;
  private static final CubeCatalogue CATALOGUE = CubeCatalogue.standard();
  private static final CodeLists CODE_LISTS = CodeLists.standard();
  private static final RollUp ROLL_UP = new RollUp(CODE_LISTS);

  @BeforeAll
  static void loadSchema() throws IOException {
    Path file = STANDARD.resolve("sdmx-json-structure-schema.json");
    assertThat(Files.isRegularFile(file))
        .as("the official SDMX-JSON 2.0 structure schema must be at %s", file)
        .isTrue();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    // The schema declares the generic "$schema": "http://json-schema.org/schema#", which no
    // validator resolves; it uses definitions, $ref and const, i.e. draft 7.
    String declared = MAPPER.readTree(text).path("$schema").asText();
    assertThat(declared).isEqualTo("http://json-schema.org/schema#");
    Dialect draft7 = Dialects.getDraft7();
    BasicDialectRegistry dialects =
        new BasicDialectRegistry(
            List.of(
                draft7,
                Dialect.builder(declared, draft7).build(),
                Dialect.builder("http://json-schema.org/schema", draft7).build()));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_7, b -> b.dialectRegistry(dialects));
    schema = registry.getSchema(text, InputFormat.JSON);
  }

  private static List<Error> validate(JsonNode message) throws IOException {
    return schema.validate(MAPPER.writeValueAsString(message), InputFormat.JSON);
  }

  @Test
  void theValidatorAcceptsTheOfficialSampleAndRejectsABrokenCopy() throws IOException {
    Path sample = SAMPLES.resolve("structure-constructed-sample.json");
    assertThat(Files.isRegularFile(sample)).as("official sample at %s", sample).isTrue();
    ObjectNode message = (ObjectNode) MAPPER.readTree(Files.readString(sample));
    assertThat(validate(message)).isEmpty();

    ObjectNode broken = message.deepCopy();
    ((ObjectNode) broken.get("meta")).remove("sender");
    ((ObjectNode) broken.get("meta")).put("prepared", "yesterday");
    ((ObjectNode) broken.get("data").get("codelists").get(0)).put("id", "1 not an id");
    ((ObjectNode) broken.get("data").get("dataflows").get(0)).put("structure", "not a urn");
    List<Error> errors = validate(broken);
    assertThat(errors).hasSizeGreaterThanOrEqualTo(4);
    assertThat(errors.stream().map(Error::toString).collect(Collectors.joining("\n")))
        .contains("sender")
        .contains("/meta/prepared")
        .contains("/data/codelists/0/id")
        .contains("structure");
  }

  @Test
  void theFullMessageAndEachSubsetValidateAgainstTheOfficialSchema() throws IOException {
    for (ObjectNode message :
        List.of(
            SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED),
            SdmxStructures.dataflows(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED),
            SdmxStructures.dataStructures(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED),
            SdmxStructures.codelists(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED),
            SdmxStructures.conceptSchemes(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED))) {
      assertThat(validate(message)).as(message.get("meta").get("id").asText()).isEmpty();
    }
  }

  @Test
  void subsetsHoldOnlyTheirKind() {
    assertThat(fieldNames(SdmxStructures.dataflows(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED)))
        .containsExactly("dataflows");
    assertThat(fieldNames(SdmxStructures.dataStructures(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED)))
        .containsExactly("dataStructures");
    assertThat(fieldNames(SdmxStructures.codelists(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED)))
        .containsExactly("codelists");
    assertThat(fieldNames(SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED)))
        .containsExactlyInAnyOrder("dataStructures", "conceptSchemes", "codelists", "dataflows");
  }

  private static Set<String> fieldNames(ObjectNode message) {
    Set<String> names = new HashSet<>();
    message.get("data").fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void theSameInputsGiveTheSameMessage() {
    assertThat(SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED))
        .isEqualTo(SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED));
  }

  @Test
  void theMetaNamesPuenteAndBothLanguages() {
    JsonNode meta = SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED).get("meta");
    assertThat(meta.get("sender").get("id").asText()).isEqualTo("PUENTE");
    assertThat(meta.get("prepared").asText()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(meta.get("schema").asText()).isEqualTo(SdmxStructures.SCHEMA);
    assertThat(meta.get("contentLanguages").toString()).isEqualTo("[\"en\",\"es\"]");
  }

  @Test
  void everyCubeHasADataflowAndADataStructureWithItsDimensions() {
    JsonNode data = SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED).get("data");
    Map<String, JsonNode> flows = byId(data.get("dataflows"));
    Map<String, JsonNode> dsds = byId(data.get("dataStructures"));
    assertThat(flows).hasSize(CATALOGUE.cubes().size());
    assertThat(dsds).hasSize(CATALOGUE.cubes().size());
    for (CubeDefinition cube : CATALOGUE.cubes()) {
      JsonNode flow = flows.get(SdmxIds.dataflow(cube));
      assertThat(flow).as(cube.id()).isNotNull();
      assertThat(flow.get("agencyID").asText()).isEqualTo("PUENTE");
      assertThat(flow.get("version").asText()).isEqualTo("1.0.0");
      assertThat(flow.get("structure").asText())
          .isEqualTo(
              "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=PUENTE:"
                  + SdmxIds.dataStructure(cube)
                  + "(1.0.0)");
      JsonNode dsd = dsds.get(SdmxIds.dataStructure(cube));
      assertThat(dsd).as(cube.id()).isNotNull();
      JsonNode components = dsd.get("dataStructureComponents");
      JsonNode list = components.get("dimensionList");
      Map<Integer, String> byPosition = new HashMap<>();
      for (JsonNode dimension : list.get("dimensions")) {
        byPosition.put(dimension.get("position").asInt(), dimension.get("id").asText());
      }
      JsonNode time = list.get("timeDimension");
      assertThat(time.get("id").asText()).isEqualTo("TIME_PERIOD");
      assertThat(time.get("localRepresentation").get("format").get("dataType").asText())
          .isEqualTo("ObservationalTimePeriod");
      byPosition.put(time.get("position").asInt(), "TIME_PERIOD");
      for (int i = 0; i < cube.dimensions().size(); i++) {
        assertThat(byPosition.get(i + 1))
            .as("%s position %d", cube.id(), i + 1)
            .isEqualTo(SdmxIds.dimension(cube.dimensions().get(i)));
      }
      assertThat(byPosition).hasSize(cube.dimensions().size());
      JsonNode measure = components.get("measureList").get("measures").get(0);
      assertThat(measure.get("id").asText()).isEqualTo("OBS_VALUE");
      Map<String, JsonNode> attributes = byId(components.get("attributeList").get("attributes"));
      assertThat(attributes).containsOnlyKeys("OBS_STATUS", "CONF_STATUS", "SDC_RULE");
      assertThat(attributes.get("OBS_STATUS").get("attributeRelationship").has("observation"))
          .isTrue();
      assertThat(attributes.get("CONF_STATUS").get("attributeRelationship").has("observation"))
          .isTrue();
      assertThat(attributes.get("SDC_RULE").get("attributeRelationship").has("dataflow")).isTrue();
    }
  }

  @Test
  void everyReferenceResolvesWithinTheMessage() {
    JsonNode data = SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED).get("data");
    Set<String> codelistUrns = new HashSet<>();
    for (JsonNode list : data.get("codelists")) {
      codelistUrns.add(list.get("links").get(0).get("urn").asText());
      assertThat(SdmxStructures.codelistUrn(list.get("id").asText()))
          .isEqualTo(list.get("links").get(0).get("urn").asText());
    }
    Set<String> conceptUrns = new HashSet<>();
    JsonNode scheme = data.get("conceptSchemes").get(0);
    assertThat(scheme.get("id").asText()).isEqualTo("CS_PUENTE");
    for (JsonNode concept : scheme.get("concepts")) {
      conceptUrns.add(
          "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=PUENTE:CS_PUENTE(1.0.0)."
              + concept.get("id").asText());
    }
    Set<String> dsdUrns = new HashSet<>();
    for (JsonNode dsd : data.get("dataStructures")) {
      dsdUrns.add(dsd.get("links").get(0).get("urn").asText());
      JsonNode components = dsd.get("dataStructureComponents");
      for (JsonNode component :
          List.of(
              components.get("dimensionList").get("dimensions"),
              components.get("measureList").get("measures"),
              components.get("attributeList").get("attributes"))) {
        for (JsonNode item : component) {
          assertThat(conceptUrns).contains(item.get("conceptIdentity").asText());
          JsonNode enumeration = item.path("localRepresentation").path("enumeration");
          if (!enumeration.isMissingNode()) {
            assertThat(codelistUrns).contains(enumeration.asText());
          }
        }
      }
      assertThat(conceptUrns)
          .contains(
              components.get("dimensionList").get("timeDimension").get("conceptIdentity").asText());
    }
    for (JsonNode flow : data.get("dataflows")) {
      assertThat(dsdUrns).contains(flow.get("structure").asText());
    }
    assertThat(codelistUrns)
        .contains(
            "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PUENTE:CL_SEX(1.0.0)",
            "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PUENTE:CL_CONF_STATUS(1.0.0)",
            "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PUENTE:CL_OBS_STATUS(1.0.0)");
  }

  @Test
  void everyCodeATableCanContainIsInItsCodelist() {
    JsonNode data = SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED).get("data");
    Map<String, JsonNode> lists = byId(data.get("codelists"));
    Set<String> checked = new HashSet<>();
    for (CubeDefinition cube : CATALOGUE.cubes()) {
      for (Dimension dimension : cube.dimensions()) {
        if (dimension.kind() == DimensionKind.PERIOD || dimension.kind() == DimensionKind.PORT) {
          assertThat(SdmxStructures.codelistOf(dimension)).isEmpty();
          continue;
        }
        String id = SdmxIds.codeList(dimension);
        JsonNode list = lists.get(id);
        assertThat(list).as("code list %s of %s", id, dimension.id()).isNotNull();
        if (!checked.add(id)) {
          continue;
        }
        Map<String, JsonNode> codes = byId(list.get("codes"));
        Set<String> expected = new HashSet<>(Set.of("_T", "_U"));
        switch (dimension.kind()) {
          case COUNTRY -> {
            for (Country country : CODE_LISTS.countries()) {
              expected.addAll(ROLL_UP.ancestors(dimension, country.alpha3(), Map.of()));
              expected.add(country.alpha3());
            }
          }
          case AGE -> {
            for (int age = 0; age <= AgeGroups.MAX_AGE; age++) {
              expected.add(AgeGroups.singleYear(age));
              expected.add(AgeGroups.groupOf(age));
            }
          }
          case FLAG -> expected.addAll(Set.of("true", "false"));
          default -> {
            if (dimension.codeList().isPresent()) {
              for (Code code : CODE_LISTS.require(dimension.codeList().get()).codes()) {
                expected.add(code.id());
                expected.addAll(ROLL_UP.ancestors(dimension, code.id(), Map.of()));
              }
            } else {
              expected.addAll(dimension.codes());
            }
          }
        }
        assertThat(codes.keySet()).as(id).containsAll(expected);
        for (JsonNode code : codes.values()) {
          if (code.has("parent")) {
            assertThat(codes)
                .as("%s parent of %s", id, code.get("id"))
                .containsKey(code.get("parent").asText());
          } else {
            assertThat(code.get("id").asText()).as(id + " root").isEqualTo("_T");
          }
        }
      }
    }
    Map<String, JsonNode> country = byId(lists.get("CL_COUNTRY").get("codes"));
    assertThat(country.get("MEX").get("parent").asText()).isEqualTo("013");
    assertThat(country.get("013").get("parent").asText()).isEqualTo("419");
    assertThat(country.get("019").get("parent").asText()).isEqualTo("_T");
    assertThat(country.get("013").get("names").get("es").asText()).isEqualTo("Centroamérica");
    Map<String, JsonNode> age = byId(lists.get("CL_AGE").get("codes"));
    assertThat(age.get("Y37").get("parent").asText()).isEqualTo("Y35T39");
    assertThat(byId(lists.get("CL_CONF_STATUS").get("codes"))).containsOnlyKeys("F", "C", "D", "N");
    // every status the data messages write is a code of the list
    for (org.puente.sdc.CellStatus status : org.puente.sdc.CellStatus.values()) {
      assertThat(byId(lists.get("CL_CONF_STATUS").get("codes")))
          .containsKey(SdmxData.confStatus(status));
    }
    assertThat(byId(lists.get("CL_OBS_STATUS").get("codes"))).containsKeys("A", "P");
  }

  @Test
  void everyArtefactConceptAndCodeIsNamedInEnglishAndSpanish() {
    JsonNode data = SdmxStructures.message(CATALOGUE, ROLL_UP, CODE_LISTS, PREPARED).get("data");
    int named = 0;
    for (String kind : List.of("dataStructures", "conceptSchemes", "codelists", "dataflows")) {
      for (JsonNode artefact : data.get(kind)) {
        assertNamed(artefact);
        named++;
        for (String items : List.of("codes", "concepts")) {
          for (JsonNode item : artefact.path(items)) {
            assertNamed(item);
            named++;
          }
        }
      }
    }
    assertThat(named).isGreaterThan(500);
  }

  private static void assertNamed(JsonNode node) {
    String id = node.get("id").asText();
    assertThat(node.get("name").asText()).as(id).isNotBlank();
    assertThat(node.get("names").get("en").asText()).as(id + " en").isNotBlank();
    assertThat(node.get("names").get("es").asText()).as(id + " es").isNotBlank();
  }

  private static Map<String, JsonNode> byId(JsonNode array) {
    Map<String, JsonNode> result = new HashMap<>();
    for (JsonNode item : array) {
      assertThat(result.put(item.get("id").asText(), item))
          .as("duplicate " + item.get("id"))
          .isNull();
    }
    return result;
  }
}
