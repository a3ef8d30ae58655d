package org.puente.hub.mirror;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.puente.hub.mirror.Mirror.Pair;
import org.puente.hub.mirror.Mirror.Side;
import org.puente.hub.mirror.Mirror.Status;
import org.puente.sdmx.SdmxData;
import org.puente.sdmx.SdmxIds;

/**
 * The mirror statistics as SDMX data of {@code DF_MIRROR} ({@link MirrorStructures}): per pair and
 * year, the two sides' figures and, when both are comparable, the ratio, its logarithm and the
 * symmetric percentage difference. A side nobody reports has no observation; a withheld side has
 * one with no value and its CONF_STATUS. A derived measure is {@code F}, or {@code N} when a side
 * is {@code N}. Every observation of a pair carries its {@code MIRROR_FLAG}, if any.
 */
public final class MirrorData {

  /** Decimals are given to 10 significant digits. */
  private static final MathContext DIGITS = new MathContext(10);

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,40}");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MirrorData() {}

  /**
   * One observation of {@code DF_MIRROR}.
   *
   * @param origin ORIGIN
   * @param destination DESTINATION
   * @param measure MEASURE (a code of {@code CL_MIRROR_MEASURE})
   * @param year TIME_PERIOD
   * @param value OBS_VALUE, empty when withheld
   * @param confStatus CONF_STATUS (F, C, D, N)
   * @param flag MIRROR_FLAG, if any
   */
  public record Observation(
      String origin,
      String destination,
      String measure,
      int year,
      Optional<BigDecimal> value,
      String confStatus,
      Optional<String> flag) {
    public Observation {
      requireNonNull(origin, "origin is null");
      requireNonNull(destination, "destination is null");
      requireNonNull(measure, "measure is null");
      requireNonNull(value, "value is null");
      requireNonNull(confStatus, "confStatus is null");
      requireNonNull(flag, "flag is null");
    }

    /** The codes in key order. */
    public List<String> key() {
      return List.of(origin, destination, measure, Integer.toString(year));
    }
  }

  /** Every observation of the mirror statistics, pair by pair, measures in code-list order. */
  public static List<Observation> observations(Mirror mirror) {
    List<Observation> observations = new ArrayList<>();
    for (Pair pair : mirror.pairs()) {
      Optional<String> flag = pair.flags().stream().map(Enum::name).sorted().findFirst();
      side(observations, pair, "DEPARTURES_BY_ORIGIN", pair.departures(), flag);
      side(observations, pair, "ARRIVALS_BY_DESTINATION", pair.arrivals(), flag);
      String derived =
          pair.departures().status() == Status.N || pair.arrivals().status() == Status.N
              ? "N"
              : "F";
      derived(observations, pair, "RATIO", pair.ratio(), derived, flag);
      derived(observations, pair, "LOG_RATIO", pair.logRatio(), derived, flag);
      derived(observations, pair, "SPD", pair.spd(), derived, flag);
    }
    return observations;
  }

  private static void side(
      List<Observation> out, Pair pair, String measure, Side side, Optional<String> flag) {
    if (side.status() == Status.MISSING) {
      return;
    }
    out.add(
        new Observation(
            pair.origin(),
            pair.destination(),
            measure,
            pair.year(),
            side.value().isPresent()
                ? Optional.of(BigDecimal.valueOf(side.value().getAsLong()))
                : Optional.empty(),
            side.status().name(),
            flag));
  }

  private static void derived(
      List<Observation> out,
      Pair pair,
      String measure,
      OptionalDouble value,
      String status,
      Optional<String> flag) {
    if (value.isPresent()) {
      out.add(
          new Observation(
              pair.origin(),
              pair.destination(),
              measure,
              pair.year(),
              Optional.of(decimal(value.getAsDouble())),
              status,
              flag));
    }
  }

  static BigDecimal decimal(double value) {
    BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /**
   * An SDMX key of {@code DF_MIRROR}: one position per dimension in {@link
   * MirrorStructures#DIMENSIONS} order, joined by {@code .}; a position holds one code, several
   * joined by {@code ,} or {@code +}, or nothing or {@code *} for every code; positions left out at
   * the end are wildcards.
   *
   * @param positions per dimension, the codes asked for (empty: every code)
   */
  public record Key(List<Set<String>> positions) {

    public Key {
      positions = List.copyOf(positions);
    }

    /**
     * Parses a key.
     *
     * @throws IllegalArgumentException when it has too many positions or a code is not a code
     */
    public static Key parse(String key) {
      requireNonNull(key, "key is null");
      String[] parts = key.isEmpty() ? new String[0] : key.split("\\.", -1);
      int dimensions = MirrorStructures.DIMENSIONS.size();
      if (parts.length > dimensions) {
        throw new IllegalArgumentException(
            "the key has "
                + parts.length
                + " positions; "
                + MirrorStructures.DATAFLOW
                + " has "
                + dimensions
                + ": "
                + String.join(".", MirrorStructures.DIMENSIONS));
      }
      List<Set<String>> positions = new ArrayList<>();
      for (int i = 0; i < dimensions; i++) {
        String part = i < parts.length ? parts[i].trim() : "";
        if (part.isEmpty() || part.equals("*")) {
          positions.add(Set.of());
          continue;
        }
        Set<String> codes =
            Arrays.stream(part.split("[,+]", -1)).map(String::trim).collect(Collectors.toSet());
        for (String code : codes) {
          if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                "position "
                    + (i + 1)
                    + " ("
                    + MirrorStructures.DIMENSIONS.get(i)
                    + ") holds something that is not a code");
          }
        }
        positions.add(codes);
      }
      return new Key(positions);
    }

    public boolean matches(Observation observation) {
      List<String> codes = observation.key();
      for (int i = 0; i < positions.size(); i++) {
        if (!positions.get(i).isEmpty() && !positions.get(i).contains(codes.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** The observations the key selects, in their order. */
    public List<Observation> select(List<Observation> observations) {
      return observations.stream().filter(this::matches).toList();
    }
  }

  /**
   * SDMX-CSV 2.0: {@code STRUCTURE,STRUCTURE_ID,ACTION}, the dimensions, {@code
   * OBS_VALUE,CONF_STATUS,MIRROR_FLAG}; one row per observation. Codes are country codes, measure
   * codes and years, never text a spreadsheet would evaluate; values are numbers.
   */
  public static void csv(List<Observation> observations, Writer out) throws IOException {
    requireNonNull(out, "out is null");
    List<Object> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
    header.addAll(MirrorStructures.DIMENSIONS);
    header.addAll(List.of(SdmxIds.OBS_VALUE, SdmxIds.CONF_STATUS, MirrorStructures.MIRROR_FLAG));
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    format.printRecord(out, header.toArray());
    for (Observation observation : observations) {
      List<Object> cells =
          new ArrayList<>(List.of("dataflow", MirrorStructures.DATAFLOW_REFERENCE, "I"));
      cells.addAll(observation.key());
      cells.add(observation.value().map(BigDecimal::toPlainString).orElse(""));
      cells.add(observation.confStatus());
      cells.add(observation.flag().orElse(""));
      format.printRecord(out, cells.toArray());
    }
    out.flush();
  }

  /**
   * An SDMX-JSON 2.0 data message: one structure and one data set, observations keyed by every
   * dimension ({@code "i:j:k:l"}), each {@code [value or null, CONF_STATUS, MIRROR_FLAG or null]}
   * with the attributes as indexes into their values.
   */
  public static void json(List<Observation> observations, OutputStream out, Instant prepared) {
    requireNonNull(out, "out is null");
    requireNonNull(prepared, "prepared is null");
    List<Map<String, Integer>> positions = new ArrayList<>();
    for (int d = 0; d < MirrorStructures.DIMENSIONS.size(); d++) {
      positions.add(new LinkedHashMap<>());
    }
    Map<String, Integer> statuses = new LinkedHashMap<>();
    Map<String, Integer> flags = new LinkedHashMap<>();
    for (Observation observation : observations) {
      List<String> key = observation.key();
      for (int d = 0; d < key.size(); d++) {
        positions.get(d).putIfAbsent(key.get(d), positions.get(d).size());
      }
      statuses.putIfAbsent(observation.confStatus(), statuses.size());
      observation.flag().ifPresent(f -> flags.putIfAbsent(f, flags.size()));
    }
    ObjectNode message = JSON.objectNode();
    ObjectNode meta = message.putObject("meta");
    meta.put("schema", SdmxData.JSON_SCHEMA);
    meta.put("id", MirrorStructures.DATAFLOW + "-" + prepared.toEpochMilli());
    meta.put("prepared", prepared.toString());
    meta.putArray("contentLanguages").add("en");
    meta.putObject("sender").put("id", SdmxIds.AGENCY);

    ObjectNode data = message.putObject("data");
    ObjectNode structure = data.putArray("structures").addObject();
    structure.putArray("dataSets").add(0);
    ObjectNode link = structure.putArray("links").addObject();
    link.put("urn", MirrorStructures.dataflowUrn());
    link.put("rel", "dataflow");
    structure.put("name", "Mirror statistics");
    ObjectNode dimensions = structure.putObject("dimensions");
    dimensions.putArray("dataSet");
    dimensions.putArray("series");
    ArrayNode observationDimensions = dimensions.putArray("observation");
    // a dimension lists at least one value (the schema's minItems): no observation, no dimension
    for (int d = 0; d < (observations.isEmpty() ? 0 : positions.size()); d++) {
      String id = MirrorStructures.DIMENSIONS.get(d);
      ObjectNode dimension = observationDimensions.addObject();
      dimension.put("id", id);
      dimension.put("name", dimensionName(id));
      dimension.put("keyPosition", d);
      if (id.equals(SdmxIds.TIME_PERIOD)) {
        dimension.putArray("roles").add(SdmxIds.TIME_PERIOD);
      }
      ArrayNode values = dimension.putArray("values");
      for (String code : positions.get(d).keySet()) {
        values.addObject().put("id", code).put("name", code);
      }
    }
    ObjectNode measure = structure.putObject("measures").putArray("observation").addObject();
    measure.put("id", SdmxIds.OBS_VALUE);
    measure.put("name", "Observation value");
    ObjectNode attributes = structure.putObject("attributes");
    attributes.putArray("dataSet");
    attributes.putArray("series");
    ArrayNode observationAttributes = attributes.putArray("observation");
    attribute(observationAttributes, SdmxIds.CONF_STATUS, "Confidentiality status", statuses);
    attribute(observationAttributes, MirrorStructures.MIRROR_FLAG, "Mirror flag", flags);

    ObjectNode dataSet = data.putArray("dataSets").addObject();
    dataSet.put("structure", 0);
    ObjectNode dataSetLink = dataSet.putArray("links").addObject();
    dataSetLink.put("urn", MirrorStructures.dataflowUrn());
    dataSetLink.put("rel", "dataflow");
    dataSet.put("action", "Information");
    ObjectNode values = dataSet.putObject("observations");
    for (Observation observation : observations) {
      List<String> key = observation.key();
      StringBuilder index = new StringBuilder();
      for (int d = 0; d < key.size(); d++) {
        if (d > 0) {
          index.append(':');
        }
        index.append(positions.get(d).get(key.get(d)));
      }
      ArrayNode cell = values.putArray(index.toString());
      if (observation.value().isPresent()) {
        cell.add(observation.value().get());
      } else {
        cell.addNull();
      }
      cell.add(statuses.get(observation.confStatus()));
      if (observation.flag().isPresent()) {
        cell.add(flags.get(observation.flag().get()));
      } else {
        cell.addNull();
      }
    }
    try {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dimensionName(String id) {
    return switch (id) {
      case MirrorStructures.ORIGIN -> "Country of origin";
      case MirrorStructures.DESTINATION -> "Country of destination";
      case MirrorStructures.MEASURE -> "Mirror measure";
      default -> "Time period";
    };
  }

  private static void attribute(
      ArrayNode attributes, String id, String name, Map<String, Integer> codes) {
    ObjectNode attribute = attributes.addObject();
    attribute.put("id", id);
    attribute.put("name", name);
    attribute.putObject("relationship").putObject("observation");
    if (!codes.isEmpty()) {
      ArrayNode values = attribute.putArray("values");
      for (String code : codes.keySet()) {
        values.addObject().put("id", code).put("name", code);
      }
    }
  }
}
