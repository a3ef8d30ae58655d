package org.puente.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.puente.codelist.CodeLists;
import org.puente.codelist.CountryNormaliser;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import org.puente.schema.VariableType;
import org.puente.schema.VariableUse;
import org.puente.spec.internal.YamlTree;
import org.puente.spec.internal.YamlTree.Entry;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code constants:} and {@code fields:} sections of a spec. */
final class FieldParser {

  private static final Set<String> FIELD_KEYS =
      Set.of(
          "column",
          "columns",
          "join",
          "values",
          "formats",
          "required",
          "default",
          "derive",
          "surname_words");

  private final RegionalSchema schema;
  private final CodeLists lists;
  private final CountryNormaliser countries;
  private final EventKind kind;
  private final Problems problems;

  FieldParser(
      RegionalSchema schema,
      CodeLists lists,
      CountryNormaliser countries,
      EventKind kind,
      Problems problems) {
    this.schema = schema;
    this.lists = lists;
    this.countries = countries;
    this.kind = kind;
    this.problems = problems;
  }

  /** The mappings in schema order. */
  List<FieldMapping> parse(Entry constants, Entry fields) {
    Map<String, FieldMapping> byVariable = new LinkedHashMap<>();
    if (constants != null) {
      for (Entry entry : YamlTree.entries(constants.value()).values()) {
        variable(entry)
            .flatMap(variable -> constant(variable, entry))
            .ifPresent(m -> put(byVariable, m, entry));
      }
    }
    if (fields != null) {
      if (!YamlTree.isMapping(fields.value())) {
        problems.add(
            fields.line(), "'fields' maps variables to columns, e.g. 'sex: {column: SEXO}'");
      }
      for (Entry entry : YamlTree.entries(fields.value()).values()) {
        variable(entry)
            .flatMap(variable -> field(variable, entry))
            .ifPresent(m -> put(byVariable, m, entry));
      }
    }
    List<FieldMapping> ordered = new ArrayList<>();
    for (Variable variable : schema.variables()) {
      FieldMapping mapping = byVariable.get(variable.name());
      if (mapping != null) {
        ordered.add(mapping);
      }
    }
    checkDerivations(byVariable);
    return ordered;
  }

  private void put(Map<String, FieldMapping> byVariable, FieldMapping mapping, Entry entry) {
    if (byVariable.putIfAbsent(mapping.variable().name(), mapping) != null) {
      problems.add(entry.line(), "'" + entry.key() + "' is mapped twice (fields and constants)");
    }
  }

  private Optional<Variable> variable(Entry entry) {
    Optional<Variable> variable = schema.variable(entry.key());
    if (variable.isEmpty()) {
      problems.add(entry.line(), "unknown variable '" + entry.key() + "' (see 'puente schema')");
      return Optional.empty();
    }
    if (entry.key().equals(RegionalSchema.EVENT_KIND)) {
      problems.add(entry.line(), "event_kind is set by the top-level 'event_kind' key");
      return Optional.empty();
    }
    boolean used =
        schema.variablesOf(kind).stream()
            .map(VariableUse::variable)
            .anyMatch(variable.get()::equals);
    if (!used) {
      problems.add(entry.line(), "'" + entry.key() + "' is not a variable of " + kind);
      return Optional.empty();
    }
    return variable;
  }

  private boolean schemaRequires(Variable variable) {
    return schema.variablesOf(kind).stream()
        .anyMatch(use -> use.variable().equals(variable) && use.required());
  }

  private Optional<FieldMapping> constant(Variable variable, Entry entry) {
    if (variable.personalIdentifier()) {
      problems.add(
          entry.line(), "'" + entry.key() + "' is a personal identifier and cannot be a constant");
      return Optional.empty();
    }
    Optional<String> text = problems.text(entry);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> value = checkValue(variable, text.get(), List.of(), entry.line(), "constant");
    return value.map(
        v ->
            new FieldMapping(
                variable,
                new FieldSource.Constant(v),
                Map.of(),
                List.of(),
                schemaRequires(variable),
                Optional.empty(),
                entry.line(),
                0));
  }

  private Optional<FieldMapping> field(Variable variable, Entry entry) {
    if (YamlTree.isScalar(entry.value())) {
      String column = YamlTree.text(entry.value()).orElse("").strip();
      return Optional.of(
          new FieldMapping(
              variable,
              new FieldSource.Columns(List.of(column), " "),
              Map.of(),
              List.of(),
              schemaRequires(variable),
              Optional.empty(),
              entry.line(),
              0));
    }
    Map<String, Entry> keys = YamlTree.entries(entry.value());
    problems.unknownKeys(keys, FIELD_KEYS, "field key");
    List<String> formats = formats(variable, keys.get("formats"));
    Map<String, String> values = values(variable, keys.get("values"), formats);
    boolean required = required(variable, keys);
    Optional<String> defaultValue = Optional.empty();
    if (keys.containsKey("default")) {
      Entry def = keys.get("default");
      defaultValue =
          problems
              .text(def)
              .flatMap(text -> checkValue(variable, text, formats, def.line(), "default"));
    }
    int surnameWords = surnameWords(variable, keys.get("surname_words"));
    Optional<FieldSource> source = source(variable, entry, keys);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldMapping(
            variable,
            source.get(),
            values,
            formats,
            required,
            defaultValue,
            entry.line(),
            surnameWords));
  }

  /** {@code surname_words: N}, for full_name only: how many last words are surnames (1 to 4). */
  private int surnameWords(Variable variable, Entry entry) {
    if (entry == null) {
      return 0;
    }
    if (!variable.name().equals(RegionalSchema.FULL_NAME)) {
      problems.add(
          entry.line(),
          "'surname_words' applies to full_name only, not to '" + variable.name() + "'");
      return 0;
    }
    Optional<String> text = problems.text(entry);
    if (text.isPresent() && text.get().strip().matches("[1-4]")) {
      return Integer.parseInt(text.get().strip());
    }
    problems.add(
        entry.line(),
        "'surname_words' must be a number from 1 to 4 (how many last words of the full name are"
            + " surnames), not '"
            + text.orElse("")
            + "'");
    return 0;
  }

  private Optional<FieldSource> source(Variable variable, Entry entry, Map<String, Entry> keys) {
    int given =
        (keys.containsKey("column") ? 1 : 0)
            + (keys.containsKey("columns") ? 1 : 0)
            + (keys.containsKey("derive") ? 1 : 0);
    if (given != 1) {
      problems.add(
          entry.line(), "'" + entry.key() + "' needs exactly one of column, columns or derive");
      return Optional.empty();
    }
    if (keys.containsKey("derive")) {
      Entry derive = keys.get("derive");
      Optional<String> how = problems.text(derive);
      if (how.isPresent()
          && how.get().equals("age")
          && variable.name().equals(RegionalSchema.AGE_AT_EVENT)) {
        return Optional.of(new FieldSource.Derived(FieldSource.Derivation.AGE_FROM_BIRTH_DATE));
      }
      problems.add(
          derive.line(),
          "unknown derivation '"
              + how.orElse("")
              + "'; 'derive: age' is available for age_at_event");
      return Optional.empty();
    }
    String separator = keys.containsKey("join") ? problems.text(keys.get("join")).orElse(" ") : " ";
    if (keys.containsKey("column")) {
      return problems
          .text(keys.get("column"))
          .map(String::strip)
          .map(column -> new FieldSource.Columns(List.of(column), separator));
    }
    List<String> columns = new ArrayList<>();
    for (Node item : YamlTree.items(keys.get("columns").value())) {
      YamlTree.text(item)
          .map(String::strip)
          .filter(text -> !text.isEmpty())
          .ifPresent(columns::add);
    }
    if (columns.isEmpty()) {
      problems.add(keys.get("columns").line(), "'columns' lists no column");
      return Optional.empty();
    }
    return Optional.of(new FieldSource.Columns(columns, separator));
  }

  private boolean required(Variable variable, Map<String, Entry> keys) {
    boolean schemaRequired = schemaRequires(variable);
    Optional<Boolean> asked = problems.optionalBoolean(keys, "required");
    if (asked.isPresent() && !asked.get() && schemaRequired) {
      problems.add(
          keys.get("required").line(),
          "'" + variable.name() + "' is required for " + kind + "; it cannot be made optional");
    }
    return schemaRequired || asked.orElse(false);
  }

  private List<String> formats(Variable variable, Entry entry) {
    if (entry == null) {
      return List.of();
    }
    if (variable.type() != VariableType.DATE && variable.type() != VariableType.DATE_TIME) {
      problems.add(
          entry.line(),
          "'formats' applies to dates only; '" + variable.name() + "' is " + variable.type());
      return List.of();
    }
    List<String> formats = new ArrayList<>();
    for (Node item : YamlTree.items(entry.value())) {
      String pattern = YamlTree.text(item).orElse("");
      try {
        ValueParser.formatter(pattern);
        formats.add(pattern);
      } catch (IllegalArgumentException e) {
        problems.add(
            YamlTree.line(item), "'" + pattern + "' is not a date pattern: " + e.getMessage());
      }
    }
    return formats;
  }

  private Map<String, String> values(Variable variable, Entry entry, List<String> formats) {
    if (entry == null) {
      return Map.of();
    }
    if (variable.personalIdentifier()) {
      problems.add(entry.line(), "'values' cannot apply to a personal identifier");
      return Map.of();
    }
    if (!YamlTree.isMapping(entry.value())) {
      problems.add(entry.line(), "'values' maps raw values to codes, e.g. 'values: {H: M, M: F}'");
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Entry pair : YamlTree.entries(entry.value()).values()) {
      Optional<String> target = problems.text(pair);
      if (target.isEmpty()) {
        continue;
      }
      checkValue(variable, target.get(), formats, pair.line(), "value map target")
          .ifPresent(code -> values.put(ValueMaps.key(pair.key()), code));
    }
    return values;
  }

  /** The value as the lake stores it (e.g. a country normalised to alpha-3), if it is valid. */
  private Optional<String> checkValue(
      Variable variable, String text, List<String> formats, int line, String what) {
    ValueParser.Parsed parsed =
        new ValueParser(variable, formats, lists, countries).parse(text.strip());
    if (!parsed.isOk()) {
      problems.add(line, what + " for '" + variable.name() + "': " + parsed.problem());
      return Optional.empty();
    }
    return Optional.of(parsed.value().toString());
  }

  private void checkDerivations(Map<String, FieldMapping> byVariable) {
    FieldMapping age = byVariable.get(RegionalSchema.AGE_AT_EVENT);
    if (age != null
        && age.source() instanceof FieldSource.Derived
        && !byVariable.containsKey(RegionalSchema.BIRTH_DATE)) {
      problems.add(age.specLine(), "'derive: age' needs birth_date mapped");
    }
  }
}
