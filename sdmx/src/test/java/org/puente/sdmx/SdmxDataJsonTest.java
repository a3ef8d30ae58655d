package org.puente.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.cube.Dimension;
import org.puente.stats.PublishedTable;

class SdmxDataJsonTest {

  private static final Path STANDARD =
      Path.of("src/main/resources/org/puente/sdmx/sdmx-json-2.0.0");
  private static final Path SAMPLES = Path.of("src/test/resources/org/puente/sdmx/samples");
  private static final Instant PREPARED = Instant.parse("2026-11-29T10:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Schema schema;

  @BeforeAll
  static void loadTheOfficialSchema() throws IOException {
    Path file = STANDARD.resolve("sdmx-json-data-schema.json");
    assertThat(file).as("the official SDMX-JSON 2.0.0 data schema").exists();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    // The schema declares "$schema": "http://json-schema.org/schema#" (no draft) and uses draft 4
    // keywords ("id", "definitions"): that dialect id is registered as draft 4.
    String dialectId = MAPPER.readTree(text).get("$schema").asText();
    assertThat(dialectId).isEqualTo("http://json-schema.org/schema#");
    Dialect dialect = Dialect.builder(dialectId, Dialects.getDraft4()).build();
    schema = SchemaRegistry.withDialect(dialect).getSchema(text, InputFormat.JSON);
  }

  @Test
  void theValidatorAcceptsAnOfficialSampleAndRejectsABrokenCopy() throws IOException {
    String sample = Files.readString(SAMPLES.resolve("data-exr-flat.json"), StandardCharsets.UTF_8);
    // The flat sample's "prepared" has no UTC offset, which RFC 3339 (format date-time, asserted
    // by this validator) requires: that is the sample's only error, and with the offset it passes.
    assertThat(errors(sample))
        .singleElement()
        .asString()
        .contains("/meta/prepared")
        .contains("date-time");
    ObjectNode fixed = (ObjectNode) MAPPER.readTree(sample);
    ((ObjectNode) fixed.get("meta")).put("prepared", "2018-03-11T14:30:47Z");
    assertThat(errors(fixed.toString())).isEmpty();
    for (String other :
        List.of("data-constructed-sample-full.json", "data-exr-cross-section.json")) {
      assertThat(errors(Files.readString(SAMPLES.resolve("" + other)))).as(other).isEmpty();
    }
    ObjectNode broken = fixed.deepCopy();
    ((ObjectNode) broken.at("/data/dataSets/0")).put("action", "Whatever");
    assertThat(errors(broken.toString())).isNotEmpty();
    ObjectNode noSender = fixed.deepCopy();
    ((ObjectNode) noSender.get("meta")).remove("sender");
    assertThat(errors(noSender.toString())).isNotEmpty();
    ObjectNode badKey = fixed.deepCopy();
    ((ObjectNode) badKey.at("/data/dataSets/0/observations")).putArray("0-0").add(1);
    assertThat(errors(badKey.toString())).isNotEmpty();
  }

  @Test
  void crossingsValidateAgainstTheOfficialSchema() throws IOException {
    assertThat(errors(json(SdmxTables.crossings2024()))).isEmpty();
  }

  @Test
  void aSlicedTableValidatesAgainstTheOfficialSchema() throws IOException {
    assertThat(errors(json(SdmxTables.travellersByYear()))).isEmpty();
  }

  @Test
  void aTableWithNoCellValidatesToo() throws IOException {
    PublishedTable full = SdmxTables.crossings2024();
    PublishedTable empty =
        new PublishedTable(full.cube(), full.dimensions(), false, List.of(), full.metadata());
    JsonNode message = MAPPER.readTree(json(empty));
    assertThat(errors(message.toString())).isEmpty();
    assertThat(message.at("/data/dataSets/0/observations").size()).isZero();
  }

  @Test
  void theMessageNamesItsSenderDataflowAndAction() throws IOException {
    JsonNode message = MAPPER.readTree(json(SdmxTables.crossings2024()));
    assertThat(message.at("/meta/sender/id").asText()).isEqualTo("PUENTE");
    assertThat(message.at("/meta/prepared").asText()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(message.at("/meta/schema").asText()).endsWith("2.0.0/sdmx-json-data-schema.json");
    assertThat(message.at("/meta/contentLanguages/0").asText()).isEqualTo("en");
    assertThat(message.at("/data/structures/0/links/0/urn").asText())
        .endsWith("Dataflow=PUENTE:DF_CROSSINGS(1.0.0)");
    assertThat(message.at("/data/dataSets/0/structure").asInt()).isZero();
    assertThat(message.at("/data/dataSets/0/action").asText()).isEqualTo("Information");
    assertThat(message.at("/data/structures/0/measures/observation/0/id").asText())
        .isEqualTo("OBS_VALUE");
    assertThat(message.at("/data/structures/0/attributes/dataSet/0/id").asText())
        .isEqualTo("SDC_RULE");
    assertThat(message.at("/data/structures/0/attributes/dataSet/0/values/0/value").asText())
        .startsWith("sdc.method=suppression");
    List<String> ids = new ArrayList<>();
    message
        .at("/data/structures/0/dimensions/observation")
        .forEach(d -> ids.add(d.get("id").asText()));
    List<String> expected = new ArrayList<>();
    for (Dimension dimension : SdmxTables.crossings2024().cube().dimensions()) {
      expected.add(SdmxIds.dimension(dimension));
    }
    assertThat(ids).containsExactlyElementsOf(expected);
  }

  @Test
  void everyCellIsAnObservationOnceWithItsValueAndConfidentialityStatus() throws IOException {
    for (PublishedTable table :
        List.of(SdmxTables.crossings2024(), SdmxTables.travellersByYear())) {
      Map<Map<String, String>, JsonNode> observations = observations(MAPPER.readTree(json(table)));
      assertThat(observations).hasSize(table.rows().size());
      for (PublishedTable.Row row : table.rows()) {
        Map<String, String> key = SdmxTables.expectedKey(table, row);
        JsonNode observation = observations.get(key);
        assertThat(observation).as("observation %s", key).isNotNull();
        if (row.value().isPresent()) {
          assertThat(observation.get("OBS_VALUE").asLong()).isEqualTo(row.value().getAsLong());
        } else {
          assertThat(observation.get("OBS_VALUE").isNull()).isTrue();
        }
        assertThat(observation.get("CONF_STATUS").asText())
            .isEqualTo(SdmxTables.expectedConfStatus(row.status()));
        assertThat(observation.get("OBS_STATUS").asText()).isEqualTo("A");
      }
    }
  }

  /** A dimension value's code: its id, or its text (ports, a text dimension). */
  private static String code(JsonNode value) {
    return (value.has("id") ? value.get("id") : value.get("value")).asText();
  }

  @Test
  void aPortNamedInTextIsAValueNotAnIdAndValidates() throws IOException {
    // ports are an open list: exports name them, and a name is no SDMX id
    JsonNode message =
        MAPPER.readTree(json(SdmxTables.crossings(Map.of("where.port", "Tecún Umán"))));
    assertThat(errors(message.toString())).isEmpty();
    JsonNode port = null;
    for (JsonNode dimension : message.at("/data/structures/0/dimensions/observation")) {
      if (dimension.get("id").asText().equals("PORT")) {
        port = dimension;
      }
    }
    assertThat(port).isNotNull();
    assertThat(port.at("/values/0/value").asText()).isEqualTo("Tecún Umán");
    assertThat(port.at("/values/0").has("id")).isFalse();
  }

  /** Decodes the flat observations: full key by dimension id → value and attribute ids. */
  private static Map<Map<String, String>, JsonNode> observations(JsonNode message) {
    JsonNode structure = message.at("/data/structures/0");
    JsonNode dimensions = structure.at("/dimensions/observation");
    JsonNode attributes = structure.at("/attributes/observation");
    Map<Map<String, String>, JsonNode> result = new HashMap<>();
    message
        .at("/data/dataSets/0/observations")
        .properties()
        .forEach(
            entry -> {
              String[] indexes = entry.getKey().split(":");
              assertThat(indexes).hasSize(dimensions.size());
              Map<String, String> key = new LinkedHashMap<>();
              for (int d = 0; d < indexes.length; d++) {
                JsonNode dimension = dimensions.get(d);
                assertThat(dimension.get("keyPosition").asInt()).isEqualTo(d);
                key.put(
                    dimension.get("id").asText(),
                    code(dimension.get("values").get(Integer.parseInt(indexes[d]))));
              }
              JsonNode array = entry.getValue();
              assertThat(array.size()).isEqualTo(1 + attributes.size());
              ObjectNode decoded = MAPPER.createObjectNode();
              decoded.set("OBS_VALUE", array.get(0));
              for (int a = 0; a < attributes.size(); a++) {
                JsonNode attribute = attributes.get(a);
                decoded.put(
                    attribute.get("id").asText(),
                    attribute.get("values").get(array.get(1 + a).asInt()).get("id").asText());
              }
              assertThat(result.put(key, decoded)).as("observation %s twice", key).isNull();
            });
    return result;
  }

  private static List<String> errors(String json) {
    List<String> messages = new ArrayList<>();
    for (com.networknt.schema.Error error : schema.validate(json, InputFormat.JSON)) {
      messages.add(error.toString());
    }
    return messages;
  }

  private static String json(PublishedTable table) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SdmxData.json(table, out, PREPARED);
    return out.toString(StandardCharsets.UTF_8);
  }
}
