package org.puente.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import org.puente.schema.VariableType;
import org.puente.spec.internal.YamlTree;
import org.puente.spec.internal.YamlTree.Entry;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code rules:} section and adds the rules every spec gets: age at event 0 to 120, birth
 * date not after the event, permit start not after permit end, authorised stay not negative.
 */
final class RuleParser {

  private final RegionalSchema schema;
  private final CodeLists lists;
  private final Set<String> mapped = new LinkedHashSet<>();
  private final Problems problems;

  RuleParser(RegionalSchema schema, CodeLists lists, List<FieldMapping> fields, Problems problems) {
    this.schema = schema;
    this.lists = lists;
    this.problems = problems;
    for (FieldMapping field : fields) {
      mapped.add(field.variable().name());
    }
  }

  List<Rule> parse(Entry rules) {
    List<Rule> result = new ArrayList<>(builtIn());
    if (rules == null) {
      return result;
    }
    if (!YamlTree.isSequence(rules.value())) {
      problems.add(
          rules.line(),
          "'rules' is a list, e.g. '- range: {variable: age_at_event, min: 0, max: 120}'");
      return result;
    }
    for (Node item : YamlTree.items(rules.value())) {
      Map<String, Entry> entries = YamlTree.entries(item);
      if (entries.size() != 1) {
        problems.add(YamlTree.line(item), "each rule is one of range, not_after, codes");
        continue;
      }
      Entry rule = entries.values().iterator().next();
      Map<String, Entry> args = YamlTree.entries(rule.value());
      switch (rule.key()) {
        case "range" -> range(rule, args).ifPresent(result::add);
        case "not_after" -> notAfter(rule, args).ifPresent(result::add);
        case "codes" -> codes(rule, args).ifPresent(result::add);
        default ->
            problems.add(
                rule.line(), "unknown rule '" + rule.key() + "'; one of range, not_after, codes");
      }
    }
    return result;
  }

  private List<Rule> builtIn() {
    List<Rule> rules = new ArrayList<>();
    if (mapped.contains(RegionalSchema.AGE_AT_EVENT)) {
      rules.add(new Rule.Range(RegionalSchema.AGE_AT_EVENT, 0, 120, 0));
    }
    if (mapped.contains(RegionalSchema.AUTHORISED_STAY_DAYS)) {
      rules.add(new Rule.Range(RegionalSchema.AUTHORISED_STAY_DAYS, 0, 3650, 0));
    }
    if (mapped.contains(RegionalSchema.BIRTH_DATE)) {
      rules.add(new Rule.NotAfter(RegionalSchema.BIRTH_DATE, RegionalSchema.EVENT_DATE, 0));
    }
    if (mapped.contains(RegionalSchema.PERMIT_START)
        && mapped.contains(RegionalSchema.PERMIT_END)) {
      rules.add(new Rule.NotAfter(RegionalSchema.PERMIT_START, RegionalSchema.PERMIT_END, 0));
    }
    return rules;
  }

  private Optional<Rule> range(Entry rule, Map<String, Entry> args) {
    problems.unknownKeys(args, Set.of("variable", "min", "max"), "range key");
    Optional<Variable> variable = mappedVariable(rule, args, "variable", VariableType.INTEGER);
    int min = problems.optionalInt(args, "min", Integer.MIN_VALUE);
    int max = problems.optionalInt(args, "max", Integer.MAX_VALUE);
    if (min > max) {
      problems.add(rule.line(), "range min " + min + " is above max " + max);
      return Optional.empty();
    }
    return variable.map(v -> new Rule.Range(v.name(), min, max, rule.line()));
  }

  private Optional<Rule> notAfter(Entry rule, Map<String, Entry> args) {
    problems.unknownKeys(args, Set.of("earlier", "later"), "not_after key");
    Optional<Variable> earlier = mappedVariable(rule, args, "earlier", VariableType.DATE);
    Optional<Variable> later = mappedVariable(rule, args, "later", VariableType.DATE);
    if (earlier.isEmpty() || later.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rule.NotAfter(earlier.get().name(), later.get().name(), rule.line()));
  }

  private Optional<Rule> codes(Entry rule, Map<String, Entry> args) {
    problems.unknownKeys(args, Set.of("variable", "allowed"), "codes key");
    Optional<Variable> variable = mappedVariable(rule, args, "variable", VariableType.CODE);
    Entry allowed = args.get("allowed");
    if (variable.isEmpty()) {
      return Optional.empty();
    }
    if (allowed == null) {
      problems.add(rule.line(), "codes rule needs 'allowed: [...]'");
      return Optional.empty();
    }
    Optional<CodeList> list = variable.get().codeList().flatMap(lists::list);
    Set<String> codes = new LinkedHashSet<>();
    for (Node item : YamlTree.items(allowed.value())) {
      String code = YamlTree.text(item).orElse("").strip();
      if (list.isPresent() && !list.get().open() && !list.get().contains(code)) {
        problems.add(YamlTree.line(item), "'" + code + "' is not a code of " + list.get().id());
      } else {
        codes.add(code);
      }
    }
    return Optional.of(new Rule.AllowedCodes(variable.get().name(), codes, rule.line()));
  }

  private Optional<Variable> mappedVariable(
      Entry rule, Map<String, Entry> args, String key, VariableType type) {
    Optional<String> name = problems.requiredText(args, key, rule.line());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    int line = args.get(key).line();
    Optional<Variable> variable = schema.variable(name.get());
    if (variable.isEmpty()) {
      problems.add(line, "unknown variable '" + name.get() + "' (see 'puente schema')");
      return Optional.empty();
    }
    if (variable.get().type() != type) {
      problems.add(
          line, "'" + name.get() + "' is " + variable.get().type() + "; this rule needs " + type);
      return Optional.empty();
    }
    if (!mapped.contains(name.get())) {
      problems.add(line, "'" + name.get() + "' is not mapped by this spec");
      return Optional.empty();
    }
    return variable;
  }
}
