package org.puente.indicator;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.parser.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.spec.internal.YamlTree;
import org.puente.spec.internal.YamlTree.Entry;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the indicator catalogue's YAML (the node tree keeps line numbers) into {@link Indicator}s.
 * The first problem found is an error naming the file and line.
 */
final class CatalogueParser {

  private static final Set<String> ENTRY_KEYS =
      Set.of(
          "id",
          "title",
          "unit",
          "decimals",
          "description",
          "source",
          "applies_to",
          "inputs",
          "formula");
  private static final Set<String> CELL_KEYS = Set.of("cube", "where", "offset");
  // A range of single-year ages, e.g. Y0..Y17 for minors, expanded to its codes.
  private static final Pattern AGE_RANGE = Pattern.compile("Y(\\d{1,3})\\.\\.Y(\\d{1,3})");

  private final String fileName;

  CatalogueParser(String fileName) {
    this.fileName = fileName;
  }

  List<Indicator> parse(String yaml) {
    Node root = compose(yaml);
    Map<String, Entry> top = mapping(root, "the catalogue");
    unknownKeys(top, Set.of("indicators"), YamlTree.line(root));
    Entry list = top.get("indicators");
    if (list == null || !YamlTree.isSequence(list.value())) {
      throw problem(YamlTree.line(root), "the catalogue needs a list 'indicators'");
    }
    List<Indicator> indicators = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (Node item : YamlTree.items(list.value())) {
      Indicator indicator = indicator(item);
      if (!ids.add(indicator.id())) {
        throw problem(YamlTree.line(item), "indicator " + indicator.id() + " is defined twice");
      }
      indicators.add(indicator);
    }
    return indicators;
  }

  private Indicator indicator(Node node) {
    int line = YamlTree.line(node);
    Map<String, Entry> entry = mapping(node, "an indicator");
    unknownKeys(entry, ENTRY_KEYS, line);
    String id = text(entry, "id", line);
    Map<String, Entry> title = mapping(required(entry, "title", line).value(), "title");
    unknownKeys(title, Set.of("en", "es"), required(entry, "title", line).line());
    int decimals = 2;
    if (entry.containsKey("decimals")) {
      String text = text(entry, "decimals", line);
      if (!text.matches("\\d{1,2}")) {
        throw problem(entry.get("decimals").line(), "decimals must be 0 to 10: " + text);
      }
      decimals = Integer.parseInt(text);
    }
    List<String> appliesTo = new ArrayList<>();
    Entry applies = required(entry, "applies_to", line);
    for (Node dimension : YamlTree.items(applies.value())) {
      String name = scalar(dimension, "a dimension");
      if (!Cubes.DIMENSIONS.contains(name)) {
        throw problem(YamlTree.line(dimension), "unknown dimension " + name);
      }
      appliesTo.add(name);
    }
    Entry inputsEntry = required(entry, "inputs", line);
    Map<String, Term> inputs = new LinkedHashMap<>();
    for (Entry input : mapping(inputsEntry.value(), "inputs").values()) {
      if (!input.key().matches("[a-z][a-z0-9_]*")) {
        throw problem(input.line(), "an input name is lower case with underscores: " + input.key());
      }
      inputs.put(input.key(), term(input));
    }
    Entry formula = required(entry, "formula", line);
    String formulaText = scalar(formula.value(), "formula");
    checkFormula(formulaText, inputs, formula.line());
    try {
      return new Indicator(
          id,
          text(title, "en", line),
          text(title, "es", line),
          text(entry, "unit", line),
          decimals,
          text(entry, "description", line),
          text(entry, "source", line),
          appliesTo,
          inputs,
          formulaText);
    } catch (IllegalArgumentException e) {
      throw problem(line, "indicator " + id + ": " + e.getMessage());
    }
  }

  private Term term(Entry input) {
    Map<String, Entry> fields = mapping(input.value(), "input " + input.key());
    if (fields.containsKey("population")) {
      unknownKeys(fields, Set.of("population"), input.line());
      Entry population = fields.get("population");
      Map<String, Entry> options = mapping(population.value(), "population");
      unknownKeys(options, Set.of("sex"), population.line());
      Optional<String> sex =
          options.containsKey("sex")
              ? Optional.of(text(options, "sex", population.line()))
              : Optional.empty();
      try {
        return new Term.Population(sex);
      } catch (IllegalArgumentException e) {
        throw problem(population.line(), e.getMessage());
      }
    }
    unknownKeys(fields, CELL_KEYS, input.line());
    String cube = text(fields, "cube", input.line());
    if (!Cubes.NAMES.contains(cube)) {
      throw problem(fields.get("cube").line(), "unknown cube " + cube + "; one of " + sorted());
    }
    Map<String, List<String>> where = new LinkedHashMap<>();
    if (fields.containsKey("where")) {
      for (Entry dimension : mapping(fields.get("where").value(), "where").values()) {
        if (!Cubes.DIMENSIONS.contains(dimension.key())) {
          throw problem(dimension.line(), "unknown dimension " + dimension.key());
        }
        List<String> codes = new ArrayList<>();
        for (Node code : YamlTree.items(dimension.value())) {
          codes.addAll(expand(scalar(code, "a code"), YamlTree.line(code)));
        }
        where.put(dimension.key(), codes);
      }
    }
    Optional<PeriodOffset> offset = Optional.empty();
    if (fields.containsKey("offset")) {
      String text = text(fields, "offset", input.line());
      offset = PeriodOffset.parse(text);
      if (offset.isEmpty()) {
        throw problem(
            fields.get("offset").line(), "offset is like -1y, -1q or -1m, not '" + text + "'");
      }
    }
    return new Term.Cell(new CellRef(cube, where), offset);
  }

  private List<String> expand(String code, int line) {
    Matcher range = AGE_RANGE.matcher(code);
    if (!range.matches()) {
      if (code.isBlank()) {
        throw problem(line, "a code is blank");
      }
      return List.of(code);
    }
    int low = Integer.parseInt(range.group(1));
    int high = Integer.parseInt(range.group(2));
    if (low > high) {
      throw problem(line, "age range " + code + " runs backwards");
    }
    List<String> codes = new ArrayList<>();
    for (int age = low; age <= high; age++) {
      codes.add("Y" + age);
    }
    return codes;
  }

  private void checkFormula(String formula, Map<String, Term> inputs, int line) {
    Set<String> used;
    try {
      Expression expression = new Expression(formula, IndicatorEvaluator.CONFIGURATION);
      expression.validate();
      used = expression.getUsedVariables();
    } catch (ParseException e) {
      throw problem(line, "formula does not parse: " + e.getMessage());
    }
    for (String variable : used) {
      if (!inputs.containsKey(variable)) {
        throw problem(line, "formula uses " + variable + ", which is not an input");
      }
    }
    for (String input : inputs.keySet()) {
      if (!used.contains(input)) {
        throw problem(line, "input " + input + " is not used by the formula");
      }
    }
  }

  private Node compose(String yaml) {
    LoadSettings settings =
        LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10).build();
    try {
      return new Compose(settings)
          .composeString(yaml)
          .orElseThrow(() -> problem(1, "the catalogue is empty"));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(1);
      throw problem(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw problem(1, "not valid YAML: " + e.getMessage());
    }
  }

  private Map<String, Entry> mapping(Node node, String what) {
    if (!YamlTree.isMapping(node)) {
      throw problem(YamlTree.line(node), what + " must be a mapping");
    }
    return YamlTree.entries(node);
  }

  private Entry required(Map<String, Entry> entries, String key, int line) {
    Entry entry = entries.get(key);
    if (entry == null) {
      throw problem(line, "missing '" + key + "'");
    }
    return entry;
  }

  private String text(Map<String, Entry> entries, String key, int line) {
    return scalar(required(entries, key, line).value(), "'" + key + "'");
  }

  private String scalar(Node node, String what) {
    return YamlTree.text(node)
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .orElseThrow(() -> problem(YamlTree.line(node), what + " must be a non-empty value"));
  }

  private void unknownKeys(Map<String, Entry> entries, Set<String> allowed, int line) {
    for (Entry entry : entries.values()) {
      if (!allowed.contains(entry.key())) {
        throw problem(
            entry.line(), "unknown key '" + entry.key() + "'; allowed: " + new TreeSet<>(allowed));
      }
    }
  }

  private static Set<String> sorted() {
    return new TreeSet<>(Cubes.NAMES);
  }

  private PuenteException problem(int line, String message) {
    return new PuenteException(ErrorCode.BAD_INPUT, fileName + " line " + line + ": " + message);
  }
}
