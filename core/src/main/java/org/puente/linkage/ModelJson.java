package org.puente.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The JSON form of a {@link LinkageModel}: written by hand, one value a line, so that analysts can
 * read it; read with snakeyaml-engine (JSON is YAML 1.2). Doubles are written with {@link
 * Double#toString}, which reads back to the same double.
 */
final class ModelJson {

  static final String FORMAT = "puente-linkage-model/1";

  private ModelJson() {}

  static String write(LinkageModel model) {
    LinkageSettings s = model.settings();
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append("  \"format\": \"").append(FORMAT).append("\",\n");
    out.append("  \"prior\": ").append(model.prior()).append(",\n");
    out.append("  \"settings\": {\n");
    field(out, "nameHigh", s.nameHigh());
    field(out, "nameMedium", s.nameMedium());
    field(out, "nameLow", s.nameLow());
    field(out, "documentSimilar", s.documentSimilar());
    field(out, "threshold", s.threshold());
    field(out, "samePlaceSeconds", s.samePlaceSeconds());
    field(out, "sameDirectionPenalty", s.sameDirectionPenalty());
    field(out, "maxBlockComparisons", s.maxBlockComparisons());
    field(out, "termFrequencyNames", s.termFrequencyNames());
    field(out, "termFrequencyBirthDate", s.termFrequencyBirthDate());
    field(out, "uSamplePairs", s.uSamplePairs());
    field(out, "emIterations", s.emIterations());
    out.append("    \"emTolerance\": ").append(s.emTolerance()).append("\n");
    out.append("  },\n");
    out.append("  \"comparisons\": {\n");
    List<ComparisonParameters> comparisons = model.comparisons();
    for (int c = 0; c < comparisons.size(); c++) {
      ComparisonParameters comparison = comparisons.get(c);
      out.append("    \"").append(comparison.comparison().jsonName()).append("\": [\n");
      List<LevelParameters> levels = comparison.levels();
      for (int l = 0; l < levels.size(); l++) {
        LevelParameters level = levels.get(l);
        out.append("      {\"level\": \"")
            .append(level.name())
            .append("\", \"m\": ")
            .append(level.m())
            .append(", \"u\": ")
            .append(level.u())
            .append(", \"bits\": ")
            .append(Math.round(level.bits() * 1000) / 1000.0)
            .append(l + 1 < levels.size() ? "},\n" : "}\n");
      }
      out.append(c + 1 < comparisons.size() ? "    ],\n" : "    ]\n");
    }
    out.append("  }\n");
    out.append("}\n");
    return out.toString();
  }

  private static void field(StringBuilder out, String name, Object value) {
    out.append("    \"").append(name).append("\": ").append(value).append(",\n");
  }

  static LinkageModel read(String json) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(json);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("not a linkage model: " + e.getMessage(), e);
    }
    Map<?, ?> top = map(root, "the model");
    if (!FORMAT.equals(top.get("format"))) {
      throw new IllegalArgumentException("not a linkage model of format " + FORMAT);
    }
    Map<?, ?> s = map(top.get("settings"), "settings");
    LinkageSettings settings =
        new LinkageSettings(
            number(s, "nameHigh"),
            number(s, "nameMedium"),
            number(s, "nameLow"),
            number(s, "documentSimilar"),
            number(s, "threshold"),
            (long) number(s, "samePlaceSeconds"),
            number(s, "sameDirectionPenalty"),
            (int) number(s, "maxBlockComparisons"),
            bool(s, "termFrequencyNames"),
            bool(s, "termFrequencyBirthDate"),
            (int) number(s, "uSamplePairs"),
            (int) number(s, "emIterations"),
            number(s, "emTolerance"));
    Map<?, ?> c = map(top.get("comparisons"), "comparisons");
    List<ComparisonParameters> comparisons = new ArrayList<>();
    for (Comparison comparison : Comparison.all()) {
      Object levels = c.get(comparison.jsonName());
      if (levels == null && comparison.optional()) {
        // A model stored before the comparison existed: it was never estimated, and records
        // without its fields (all that such a model was trained on) never reach its levels.
        comparisons.add(ModelTraining.startValues(comparison));
        continue;
      }
      if (!(levels instanceof List<?> list)) {
        throw new IllegalArgumentException("comparison " + comparison.jsonName() + " is missing");
      }
      List<LevelParameters> parameters = new ArrayList<>();
      for (Object entry : list) {
        Map<?, ?> level = map(entry, comparison.jsonName() + " level");
        parameters.add(
            new LevelParameters(
                String.valueOf(level.get("level")), number(level, "m"), number(level, "u")));
      }
      if (comparison == Comparison.NAME) {
        parameters = withFirstNamesLevel(parameters);
      }
      comparisons.add(new ComparisonParameters(comparison, parameters));
    }
    return new LinkageModel(settings, number(top, "prior"), comparisons);
  }

  /**
   * A name comparison stored before its {@code first names} level existed: the pairs that now reach
   * that level were at {@code surname} then, so both get half of its m and u. Their weights stay
   * those of {@code surname}, and the stored model scores every pair as it did.
   */
  private static List<LevelParameters> withFirstNamesLevel(List<LevelParameters> levels) {
    boolean hasFirstNames = levels.stream().anyMatch(l -> l.name().equals("first names"));
    if (hasFirstNames) {
      return levels;
    }
    List<LevelParameters> upgraded = new ArrayList<>();
    for (LevelParameters level : levels) {
      if (level.name().equals("surname")) {
        upgraded.add(new LevelParameters("first names", level.m() / 2, level.u() / 2));
        upgraded.add(new LevelParameters("surname", level.m() / 2, level.u() / 2));
      } else {
        upgraded.add(level);
      }
    }
    return upgraded;
  }

  private static Map<?, ?> map(Object value, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return map;
  }

  private static double number(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(key + " must be a number");
  }

  private static boolean bool(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw new IllegalArgumentException(key + " must be true or false");
  }
}
