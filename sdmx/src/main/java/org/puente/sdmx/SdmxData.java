package org.puente.sdmx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.DimensionKind;
import org.puente.cube.RollUp;
import org.puente.sdc.CellStatus;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableWriter;

/**
 * A protected table as an SDMX 3.0 data message of its cube's dataflow ({@link SdmxIds}): SDMX-CSV
 * 2.0 or SDMX-JSON 2.0. Every observation carries the full key of the data structure, in the cube's
 * dimension order: a dimension the table is broken down by gives the cell's code; the period of a
 * sliced table (distinct travellers, stocks) gives the slice; a dimension the table was filtered on
 * with one code gives that code; any other dimension is its total {@code _T} (the period of a flow
 * table without a period filter, too). A table filtered on several codes of a dimension, or on a
 * range of months, has no SDMX key and is refused with an {@link IllegalArgumentException}.
 *
 * <p>The measure {@code OBS_VALUE} is empty (CSV) or null (JSON) for a suppressed cell; {@code
 * CONF_STATUS} is {@code C} for a primary suppression, {@code D} for a secondary one, {@code N} for
 * an unprotected table (internal use only) and {@code F} for a published cell; {@code OBS_STATUS}
 * is {@code A}; the dataset attribute {@code SDC_RULE} states the rule set (the table's {@code
 * sdc.*} metadata).
 */
public final class SdmxData {

  /** The official location of the SDMX-JSON 2.0.0 data message schema. */
  public static final String JSON_SCHEMA =
      "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/"
          + "2.0.0/sdmx-json-data-schema.json";

  /** SDMX cross-domain observation status: normal value. */
  public static final String OBS_STATUS_NORMAL = "A";

  private static final Pattern PERIOD = Pattern.compile("[0-9]{4}(-Q[1-4]|-[0-9]{2})?");
  private static final RollUp ROLL_UP = new RollUp(CodeLists.standard());
  private static final String LANGUAGE = "en";

  private SdmxData() {}

  /**
   * The table as SDMX-CSV 2.0: {@code STRUCTURE,STRUCTURE_ID,ACTION}, the dimensions in the data
   * structure's order, {@code OBS_VALUE,OBS_STATUS,CONF_STATUS,SDC_RULE}; one row per cell.
   */
  public static void csv(PublishedTable table, Writer out) throws IOException {
    requireNonNull(table, "table is null");
    requireNonNull(out, "out is null");
    CubeDefinition cube = table.cube();
    List<Object> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
    for (Dimension dimension : cube.dimensions()) {
      header.add(SdmxIds.dimension(dimension));
    }
    header.addAll(
        List.of(SdmxIds.OBS_VALUE, SdmxIds.OBS_STATUS, SdmxIds.CONF_STATUS, SdmxIds.SDC_RULE));
    // CSVFormat.printRecord rather than a CSVPrinter, whose class carries annotations this build
    // cannot resolve (-Xlint with warnings as errors).
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    format.printRecord(out, header.toArray());
    String structureId = SdmxIds.dataflowReference(cube);
    String rule = TableWriter.neutralise(sdcRule(table));
    for (Observation observation : observations(table)) {
      List<Object> cells = new ArrayList<>(List.of("dataflow", structureId, "I"));
      for (String code : observation.key()) {
        cells.add(TableWriter.neutralise(code));
      }
      cells.add(
          observation.value().isPresent() ? Long.toString(observation.value().getAsLong()) : "");
      cells.add(OBS_STATUS_NORMAL);
      cells.add(confStatus(observation.status()));
      cells.add(rule);
      format.printRecord(out, cells.toArray());
    }
    out.flush();
  }

  /**
   * The table as an SDMX-JSON 2.0 data message: one structure and one data set whose observations
   * are keyed by every dimension ({@code "i:j:k"}, flat), each {@code [value or null, OBS_STATUS,
   * CONF_STATUS]} with the attributes as indexes into their values.
   */
  public static void json(PublishedTable table, OutputStream out, Instant prepared)
      throws IOException {
    requireNonNull(table, "table is null");
    requireNonNull(out, "out is null");
    requireNonNull(prepared, "prepared is null");
    CubeDefinition cube = table.cube();
    List<Dimension> dimensions = cube.dimensions();
    List<Observation> observations = observations(table);
    List<Map<String, Integer>> positions = new ArrayList<>();
    for (int d = 0; d < dimensions.size(); d++) {
      positions.add(new LinkedHashMap<>());
    }
    Map<String, Integer> confStatuses = new LinkedHashMap<>();
    for (Observation observation : observations) {
      for (int d = 0; d < dimensions.size(); d++) {
        Map<String, Integer> position = positions.get(d);
        position.putIfAbsent(observation.key().get(d), position.size());
      }
      confStatuses.putIfAbsent(confStatus(observation.status()), confStatuses.size());
    }
    String dataflowUrn =
        "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + SdmxIds.dataflowReference(cube);
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeObjectFieldStart("meta");
      json.writeStringField("schema", JSON_SCHEMA);
      json.writeStringField("id", messageId(cube, prepared));
      json.writeStringField("prepared", prepared.toString());
      json.writeArrayFieldStart("contentLanguages");
      json.writeString(LANGUAGE);
      json.writeEndArray();
      json.writeObjectFieldStart("sender");
      json.writeStringField("id", SdmxIds.AGENCY);
      json.writeEndObject();
      json.writeEndObject();

      json.writeObjectFieldStart("data");
      json.writeArrayFieldStart("structures");
      json.writeStartObject();
      json.writeArrayFieldStart("dataSets");
      json.writeNumber(0);
      json.writeEndArray();
      json.writeArrayFieldStart("links");
      json.writeStartObject();
      json.writeStringField("urn", dataflowUrn);
      json.writeStringField("rel", "dataflow");
      json.writeEndObject();
      json.writeEndArray();
      json.writeStringField("name", cube.label(LANGUAGE));
      json.writeObjectFieldStart("dimensions");
      json.writeArrayFieldStart("dataSet");
      json.writeEndArray();
      json.writeArrayFieldStart("series");
      json.writeEndArray();
      json.writeArrayFieldStart("observation");
      // A dimension lists at least one value (the schema's minItems): a table with no cell lists
      // no dimension, and has no observation to key.
      for (int d = 0; d < (observations.isEmpty() ? 0 : dimensions.size()); d++) {
        Dimension dimension = dimensions.get(d);
        json.writeStartObject();
        json.writeStringField("id", SdmxIds.dimension(dimension));
        json.writeStringField("name", dimension.label(LANGUAGE));
        json.writeNumberField("keyPosition", d);
        if (SdmxIds.dimension(dimension).equals(SdmxIds.TIME_PERIOD)) {
          json.writeArrayFieldStart("roles");
          json.writeString(SdmxIds.TIME_PERIOD);
          json.writeEndArray();
        }
        json.writeArrayFieldStart("values");
        for (String code : positions.get(d).keySet()) {
          json.writeStartObject();
          if (dimension.kind() == DimensionKind.PORT) {
            // Ports are an open list given as text (the structure's text format): a port's name
            // is no SDMX id ("Tecún Umán"), so it is the value's "value", as the schema allows.
            json.writeStringField("value", code);
          } else {
            json.writeStringField("id", code);
            json.writeStringField("name", label(dimension, code));
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();

      json.writeObjectFieldStart("measures");
      json.writeArrayFieldStart("observation");
      json.writeStartObject();
      json.writeStringField("id", SdmxIds.OBS_VALUE);
      json.writeStringField("name", "Observation value");
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();

      json.writeObjectFieldStart("attributes");
      json.writeArrayFieldStart("dataSet");
      json.writeStartObject();
      json.writeStringField("id", SdmxIds.SDC_RULE);
      json.writeStringField("name", "Statistical disclosure control rule");
      json.writeObjectFieldStart("relationship");
      json.writeObjectFieldStart("dataflow");
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("values");
      json.writeStartObject();
      json.writeStringField("value", sdcRule(table));
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("series");
      json.writeEndArray();
      json.writeArrayFieldStart("observation");
      writeObservationAttribute(
          json,
          SdmxIds.OBS_STATUS,
          "Observation status",
          Map.of(OBS_STATUS_NORMAL, "Normal value"));
      Map<String, String> confNames = new LinkedHashMap<>();
      for (String code : confStatuses.keySet()) {
        confNames.put(code, confStatusName(code));
      }
      writeObservationAttribute(json, SdmxIds.CONF_STATUS, "Confidentiality status", confNames);
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();

      json.writeArrayFieldStart("dataSets");
      json.writeStartObject();
      json.writeNumberField("structure", 0);
      json.writeArrayFieldStart("links");
      json.writeStartObject();
      json.writeStringField("urn", dataflowUrn);
      json.writeStringField("rel", "dataflow");
      json.writeEndObject();
      json.writeEndArray();
      json.writeStringField("action", "Information");
      json.writeArrayFieldStart("attributes");
      json.writeNumber(0);
      json.writeEndArray();
      json.writeObjectFieldStart("observations");
      for (Observation observation : observations) {
        StringBuilder key = new StringBuilder();
        for (int d = 0; d < dimensions.size(); d++) {
          if (d > 0) {
            key.append(':');
          }
          key.append(positions.get(d).get(observation.key().get(d)));
        }
        json.writeArrayFieldStart(key.toString());
        if (observation.value().isPresent()) {
          json.writeNumber(observation.value().getAsLong());
        } else {
          json.writeNull();
        }
        json.writeNumber(0);
        json.writeNumber(confStatuses.get(confStatus(observation.status())));
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** The SDMX {@code CONF_STATUS} code of a cell's status. */
  public static String confStatus(CellStatus status) {
    return switch (status) {
      case PRIMARY_FREQUENCY, PRIMARY_DOMINANCE -> "C";
      case SECONDARY -> "D";
      case UNPROTECTED -> "N";
      case PUBLISHED, ROUNDED, PERTURBED -> "F";
    };
  }

  /**
   * The value of the dataset attribute {@code SDC_RULE}: the table's {@code sdc.*} metadata as
   * {@code key=value} pairs separated by {@code "; "}.
   */
  public static String sdcRule(PublishedTable table) {
    String rule =
        table.metadata().entrySet().stream()
            .filter(e -> e.getKey().startsWith("sdc."))
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
    return rule.isEmpty() ? "sdc.method=unknown" : rule;
  }

  /**
   * The full SDMX key of each cell, in the data structure's dimension order, with its value and
   * status.
   */
  static List<Observation> observations(PublishedTable table) {
    CubeDefinition cube = table.cube();
    List<Dimension> dimensions = cube.dimensions();
    // For each dimension of the cube: the index of its code in a row, -1 for the slice, or a code.
    int[] index = new int[dimensions.size()];
    String[] fixed = new String[dimensions.size()];
    for (int d = 0; d < dimensions.size(); d++) {
      Dimension dimension = dimensions.get(d);
      int position = position(table.dimensions(), dimension.id());
      if (position >= 0) {
        index[d] = position;
      } else if (table.sliced() && dimension.id().equals("period")) {
        index[d] = -1;
      } else {
        index[d] = -2;
        fixed[d] = fixedCode(table, dimension);
      }
    }
    for (Dimension dimension : table.dimensions()) {
      if (position(dimensions, dimension.id()) < 0) {
        throw new IllegalArgumentException(
            "dimension " + dimension.id() + " is not a dimension of cube " + cube.id());
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (PublishedTable.Row row : table.rows()) {
      List<String> key = new ArrayList<>(dimensions.size());
      for (int d = 0; d < dimensions.size(); d++) {
        key.add(
            switch (index[d]) {
              case -1 -> row.slice();
              case -2 -> fixed[d];
              default -> row.codes().get(index[d]);
            });
      }
      observations.add(new Observation(key, row.value(), row.status()));
    }
    return observations;
  }

  /** A cell with its full key. */
  record Observation(List<String> key, OptionalLong value, CellStatus status) {}

  private static String fixedCode(PublishedTable table, Dimension dimension) {
    if (dimension.id().equals("period")) {
      String period = table.metadata().get("period");
      if (period == null) {
        return Dimension.TOTAL;
      }
      if (!PERIOD.matcher(period).matches()) {
        throw new IllegalArgumentException(
            "period " + period + " is not an SDMX time period; break the table down by period");
      }
      return period;
    }
    String where = table.metadata().get("where." + dimension.id());
    if (where == null) {
      return Dimension.TOTAL;
    }
    String[] codes = where.split(",", -1);
    if (codes.length != 1 || codes[0].isEmpty()) {
      throw new IllegalArgumentException(
          "the table is filtered on "
              + dimension.id()
              + "="
              + where
              + ", which no single SDMX code stands for; break the table down by "
              + dimension.id());
    }
    return codes[0];
  }

  private static int position(List<Dimension> dimensions, String id) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static String label(Dimension dimension, String code) {
    if (code.equals(Dimension.TOTAL)) {
      return "Total";
    }
    try {
      String label = ROLL_UP.label(dimension, code, LANGUAGE);
      return label == null || label.isBlank() ? code : label;
    } catch (RuntimeException e) {
      return code;
    }
  }

  private static String messageId(CubeDefinition cube, Instant prepared) {
    return SdmxIds.dataflow(cube) + "-" + prepared.toEpochMilli();
  }

  private static String confStatusName(String code) {
    return switch (code) {
      case "C" -> "Confidential statistical information";
      case "D" -> "Secondary confidentiality set by the sender, not for publication";
      case "N" -> "Not for publication, restricted for internal use only";
      default -> "Free";
    };
  }

  private static void writeObservationAttribute(
      JsonGenerator json, String id, String name, Map<String, String> values) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("name", name);
    json.writeObjectFieldStart("relationship");
    json.writeObjectFieldStart("observation");
    json.writeEndObject();
    json.writeEndObject();
    if (!values.isEmpty()) {
      json.writeArrayFieldStart("values");
      for (Map.Entry<String, String> value : values.entrySet()) {
        json.writeStartObject();
        json.writeStringField("id", value.getKey());
        json.writeStringField("name", value.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
