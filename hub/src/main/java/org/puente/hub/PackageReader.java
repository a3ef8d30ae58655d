package org.puente.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.puente.lake.catalog.PulledPackage;
import org.puente.sdmx.SdmxIds;
import org.puente.sdmx.SdmxSchemas;

/**
 * Reads a peer's SDMX-JSON 2.0 data message: first validated against the official data schema
 * (bundled by {@link SdmxSchemas}), then decoded the way {@code SdmxData.json} writes it — one data
 * set whose observations are keyed by every dimension ({@code "i:j:k"}), each {@code [value or
 * null, attribute indexes…]}. Anything else is refused with a reason, never guessed at.
 */
final class PackageReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Schema SCHEMA = schema();

  private PackageReader() {}

  /** A package that does not hold: the reason, as the hub's operator should read it. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String reason) {
      super(reason, null, false, false);
    }
  }

  private static Schema schema() {
    String text = SdmxSchemas.data();
    try {
      // The schema declares "$schema": "http://json-schema.org/schema#" and uses draft 4 keywords.
      String dialectId = MAPPER.readTree(text).get("$schema").asText();
      Dialect dialect = Dialect.builder(dialectId, Dialects.getDraft4()).build();
      return SchemaRegistry.withDialect(dialect).getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new IllegalStateException("the bundled SDMX-JSON data schema does not parse", e);
    }
  }

  /**
   * The package's observations.
   *
   * @param dataflow the dataflow asked for, e.g. DF_CROSSINGS
   * @param request the path and query that fetched it
   * @param sha256 the body's SHA-256
   * @param signedBy the fingerprint of the key whose signature held
   */
  static PulledPackage read(
      String dataflow, String request, String sha256, String signedBy, byte[] body)
      throws Malformed {
    JsonNode message;
    try {
      message = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new Malformed("the body is not JSON");
    }
    if (message == null || !message.isObject()) {
      throw new Malformed("the body is not a JSON object");
    }
    List<com.networknt.schema.Error> errors =
        SCHEMA.validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON);
    if (!errors.isEmpty()) {
      throw new Malformed(
          "the body is not an SDMX-JSON 2.0 data message: "
              + errors.get(0).toString()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }
    JsonNode structures = message.at("/data/structures");
    JsonNode dataSets = message.at("/data/dataSets");
    if (structures.size() != 1 || dataSets.size() != 1) {
      throw new Malformed("a package has one structure and one data set");
    }
    JsonNode structure = structures.get(0);
    List<String> dimensions = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    for (JsonNode dimension : structure.at("/dimensions/observation")) {
      dimensions.add(dimension.path("id").asText());
      List<String> codes = new ArrayList<>();
      for (JsonNode value : dimension.path("values")) {
        // a coded dimension's value has an id; a text one (ports) its text as "value"
        codes.add(value.has("id") ? value.path("id").asText() : value.path("value").asText());
      }
      values.add(codes);
    }
    if (structure.at("/dimensions/series").size() > 0
        || structure.at("/dimensions/dataSet").size() > 0) {
      throw new Malformed("a package keys observations by every dimension (no series)");
    }
    int measures = structure.at("/measures/observation").size();
    if (measures != 1) {
      throw new Malformed("a package has one measure, " + SdmxIds.OBS_VALUE);
    }
    int confIndex = -1;
    List<String> confCodes = new ArrayList<>();
    JsonNode attributes = structure.at("/attributes/observation");
    for (int a = 0; a < attributes.size(); a++) {
      if (attributes.get(a).path("id").asText().equals(SdmxIds.CONF_STATUS)) {
        confIndex = a;
        for (JsonNode value : attributes.get(a).path("values")) {
          confCodes.add(value.has("id") ? value.path("id").asText() : value.path("value").asText());
        }
      }
    }
    JsonNode observations = dataSets.get(0).path("observations");
    List<PulledPackage.Observation> read = new ArrayList<>();
    if (observations.size() > 0 && confIndex < 0) {
      throw new Malformed("the observations carry no " + SdmxIds.CONF_STATUS);
    }
    for (Map.Entry<String, JsonNode> entry : observations.properties()) {
      read.add(observation(entry.getKey(), entry.getValue(), values, confIndex, confCodes));
    }
    try {
      return new PulledPackage(dataflow, request, sha256, signedBy, dimensions, read);
    } catch (IllegalArgumentException e) {
      throw new Malformed(e.getMessage());
    }
  }

  private static PulledPackage.Observation observation(
      String key, JsonNode cells, List<List<String>> values, int confIndex, List<String> confCodes)
      throws Malformed {
    String[] positions = key.split(":", -1);
    if (positions.length != values.size()) {
      throw new Malformed(
          "observation " + key + " has " + positions.length + " positions, not " + values.size());
    }
    List<String> codes = new ArrayList<>();
    for (int d = 0; d < positions.length; d++) {
      codes.add(at(values.get(d), positions[d], "observation " + key));
    }
    JsonNode value = cells.get(0);
    OptionalLong number;
    if (value == null || value.isNull()) {
      number = OptionalLong.empty();
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      number = OptionalLong.of(value.asLong());
    } else {
      throw new Malformed("observation " + key + " has a value that is not a whole number");
    }
    JsonNode conf = cells.get(1 + confIndex);
    if (conf == null || !conf.isIntegralNumber()) {
      throw new Malformed("observation " + key + " has no " + SdmxIds.CONF_STATUS);
    }
    String status = at(confCodes, conf.asText(), "the CONF_STATUS of observation " + key);
    try {
      return new PulledPackage.Observation(codes, number, status);
    } catch (IllegalArgumentException e) {
      throw new Malformed("observation " + key + ": " + e.getMessage());
    }
  }

  private static String at(List<String> list, String index, String what) throws Malformed {
    try {
      int i = Integer.parseInt(index);
      if (i >= 0 && i < list.size()) {
        return list.get(i);
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new Malformed(what + " refers to value " + index + ", which its structure does not list");
  }
}
