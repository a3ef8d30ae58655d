package org.puente.cube;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.codelist.CodeLists;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The cubes and dimensions declared in YAML ({@code cubes.yaml} shipped in this package, explained
 * in its header and in docs/STATISTICS.md). Every reference is checked when the catalogue is read:
 * a cube naming an unknown dimension, a dimension naming an unknown code list, or an unknown key is
 * an error naming the cube or dimension.
 */
public final class CubeCatalogue {

  private final Map<String, Dimension> dimensions;
  private final Map<String, CubeDefinition> cubes;

  private CubeCatalogue(Map<String, Dimension> dimensions, Map<String, CubeDefinition> cubes) {
    this.dimensions = dimensions;
    this.cubes = cubes;
  }

  /** The catalogue shipped with Puente. */
  public static CubeCatalogue standard() {
    try (InputStream in = CubeCatalogue.class.getResourceAsStream("cubes.yaml")) {
      if (in == null) {
        throw new IllegalStateException("cubes.yaml is missing from the core jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), CodeLists.standard());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a catalogue's YAML text, checking code lists against {@code codeLists}. */
  public static CubeCatalogue parse(String yaml, CodeLists codeLists) {
    requireNonNull(yaml, "yaml is null");
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw invalid("not valid YAML: " + e.getMessage());
    }
    Map<String, Object> top = map(root, "the catalogue");
    Map<String, Dimension> dimensions = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map(top.get("dimensions"), "dimensions").entrySet()) {
      dimensions.put(entry.getKey(), dimension(entry.getKey(), entry.getValue(), codeLists));
    }
    Map<String, CubeDefinition> cubes = new LinkedHashMap<>();
    for (Object item : list(top.get("cubes"), "cubes")) {
      CubeDefinition cube = cube(map(item, "a cube"), dimensions);
      if (cubes.put(cube.id(), cube) != null) {
        throw invalid("cube " + cube.id() + " is declared twice");
      }
    }
    return new CubeCatalogue(Map.copyOf(dimensions), cubes);
  }

  /** Every cube, in catalogue order. */
  public List<CubeDefinition> cubes() {
    return List.copyOf(cubes.values());
  }

  public Optional<CubeDefinition> cube(String id) {
    return Optional.ofNullable(cubes.get(id));
  }

  /** The cube named {@code id}, or a usage error listing the cubes. */
  public CubeDefinition require(String id) {
    CubeDefinition cube = cubes.get(id);
    if (cube == null) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "unknown cube '" + id + "'; cubes: " + String.join(", ", cubes.keySet()));
    }
    return cube;
  }

  public Optional<Dimension> dimension(String id) {
    return Optional.ofNullable(dimensions.get(id));
  }

  private static Dimension dimension(String id, Object value, CodeLists codeLists) {
    String where = "dimension " + id;
    Map<String, Object> fields = map(value, where);
    checkKeys(fields, where, List.of("kind", "codelist", "codes", "en", "es"));
    DimensionKind kind;
    try {
      kind = DimensionKind.valueOf(text(fields.get("kind"), where + ": kind"));
    } catch (IllegalArgumentException e) {
      throw invalid(where + ": kind must be one of " + List.of(DimensionKind.values()));
    }
    Optional<String> codeList = Optional.ofNullable((String) fields.get("codelist"));
    if (codeList.isPresent() && codeLists.list(codeList.get()).isEmpty()) {
      throw invalid(where + ": unknown code list '" + codeList.get() + "'");
    }
    List<String> codes = new ArrayList<>();
    if (fields.containsKey("codes")) {
      for (Object code : list(fields.get("codes"), where + ": codes")) {
        codes.add(String.valueOf(code));
      }
    }
    Map<String, String> labels = labels(fields, where);
    try {
      return new Dimension(id, kind, codeList, codes, labels);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static CubeDefinition cube(Map<String, Object> fields, Map<String, Dimension> known) {
    String id = text(fields.get("id"), "a cube: id");
    String where = "cube " + id;
    checkKeys(
        fields,
        where,
        List.of("id", "en", "es", "fact", "measure", "period", "where", "dimensions"));
    Measure measure;
    PeriodMode period;
    try {
      measure = Measure.valueOf(text(fields.get("measure"), where + ": measure"));
      period = PeriodMode.valueOf(String.valueOf(fields.getOrDefault("period", "FLOW")));
    } catch (IllegalArgumentException e) {
      throw invalid(
          where
              + ": measure must be one of "
              + List.of(Measure.values())
              + " and period one of "
              + List.of(PeriodMode.values()));
    }
    Map<String, List<String>> filter = new LinkedHashMap<>();
    if (fields.containsKey("where")) {
      for (Map.Entry<String, Object> entry :
          map(fields.get("where"), where + ": where").entrySet()) {
        List<String> values = new ArrayList<>();
        for (Object v : list(entry.getValue(), where + ": where " + entry.getKey())) {
          values.add(String.valueOf(v));
        }
        filter.put(entry.getKey(), values);
      }
    }
    List<Dimension> dimensions = new ArrayList<>();
    for (Object name : list(fields.get("dimensions"), where + ": dimensions")) {
      Dimension dimension = known.get(String.valueOf(name));
      if (dimension == null) {
        throw invalid(where + ": unknown dimension '" + name + "'");
      }
      dimensions.add(dimension);
    }
    try {
      return new CubeDefinition(
          id,
          labels(fields, where),
          text(fields.get("fact"), where + ": fact"),
          measure,
          period,
          filter,
          dimensions);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static Map<String, String> labels(Map<String, Object> fields, String where) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String language : List.of("en", "es")) {
      labels.put(language, text(fields.get(language), where + ": " + language));
    }
    return labels;
  }

  private static void checkKeys(Map<String, Object> fields, String where, List<String> allowed) {
    for (String key : fields.keySet()) {
      if (!allowed.contains(key)) {
        throw invalid(where + ": unknown key '" + key + "'; allowed: " + allowed);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map)) {
      throw invalid(where + " must be a mapping");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    ((Map<Object, Object>) value).forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }

  private static List<?> list(Object value, String where) {
    if (!(value instanceof List<?> items) || items.isEmpty()) {
      throw invalid(where + " must be a non-empty list");
    }
    return items;
  }

  private static String text(Object value, String where) {
    if (value == null || String.valueOf(value).isBlank()) {
      throw invalid(where + " is missing");
    }
    return String.valueOf(value);
  }

  private static PuenteException invalid(String message) {
    return new PuenteException(ErrorCode.BAD_INPUT, "cube catalogue: " + message);
  }
}
