package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.puente.codelist.CodeLists;
import org.puente.codelist.CountryNormaliser;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.VariableUse;
import org.puente.spec.internal.YamlTree;
import org.puente.spec.internal.YamlTree.Entry;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a mapping spec (YAML, see {@code docs/SPECS.md}) and checks it against the regional schema
 * and code lists. Every problem is collected with its spec line; a spec with any problem is refused
 * with a {@link SpecException} listing them all.
 */
public final class SpecParser {

  private static final Set<String> TOP_KEYS =
      Set.of(
          "spec",
          "version",
          "description",
          "event_kind",
          "source",
          "record_id",
          "constants",
          "fields",
          "rules");
  private static final Set<String> SOURCE_KEYS =
      Set.of("format", "encoding", "delimiter", "quote", "skip_lines", "sheet", "footer");

  /** Specs are small; a huge one is a mistake or an attack on the parser. */
  private static final int MAX_SPEC_CODE_POINTS = 1_000_000;

  private final RegionalSchema schema;
  private final CodeLists lists;
  private final CountryNormaliser countries;

  public SpecParser(RegionalSchema schema, CodeLists lists, CountryNormaliser countries) {
    this.schema = requireNonNull(schema, "schema is null");
    this.lists = requireNonNull(lists, "lists is null");
    this.countries = requireNonNull(countries, "countries is null");
  }

  /** A parser over the standard schema and code lists. */
  public static SpecParser standard() {
    return new SpecParser(
        RegionalSchema.standard(), CodeLists.standard(), CountryNormaliser.standard());
  }

  /**
   * Parses and checks a spec.
   *
   * @param specName how messages name the spec (usually its file name)
   * @param yaml the spec's text
   */
  public MappingSpec parse(String specName, String yaml) {
    requireNonNull(specName, "specName is null");
    requireNonNull(yaml, "yaml is null");
    Problems problems = new Problems();
    Optional<Node> root = compose(yaml, problems);
    if (root.isEmpty() || !YamlTree.isMapping(root.get())) {
      if (problems.isEmpty()) {
        problems.add(
            1, "a spec is a YAML mapping with keys " + String.join(", ", sorted(TOP_KEYS)));
      }
      throw new SpecException(specName, problems.list());
    }
    Map<String, Entry> top = YamlTree.entries(root.get());
    problems.unknownKeys(top, TOP_KEYS, "top-level key");

    String name = problems.requiredText(top, "spec", 1).orElse(specName);
    int version = problems.optionalInt(top, "version", 1);
    String description =
        top.containsKey("description") ? problems.text(top.get("description")).orElse("") : "";
    Optional<EventKind> kind = eventKind(top, problems);
    SourceFormat source = new SourceParser(problems).parse(top.get("source"));
    String recordId = problems.requiredText(top, "record_id", 1).orElse("");

    List<FieldMapping> fields = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    if (kind.isPresent()) {
      FieldParser fieldParser = new FieldParser(schema, lists, countries, kind.get(), problems);
      fields = fieldParser.parse(top.get("constants"), top.get("fields"));
      requireCoverage(kind.get(), fields, problems);
      rules = new RuleParser(schema, lists, fields, problems).parse(top.get("rules"));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(specName, problems.list());
    }
    return new MappingSpec(
        name, version, description, kind.orElseThrow(), source, recordId, fields, rules);
  }

  private static Optional<Node> compose(String yaml, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(10)
            .setCodePointLimit(MAX_SPEC_CODE_POINTS)
            .build();
    try {
      return new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(1);
      problems.add(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problems.add(1, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<EventKind> eventKind(Map<String, Entry> top, Problems problems) {
    Optional<String> text = problems.requiredText(top, "event_kind", 1);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(EventKind.valueOf(text.get()));
    } catch (IllegalArgumentException e) {
      problems.add(
          top.get("event_kind").line(),
          "unknown event_kind '" + text.get() + "'; one of " + List.of(EventKind.values()));
      return Optional.empty();
    }
  }

  private void requireCoverage(EventKind kind, List<FieldMapping> fields, Problems problems) {
    Set<String> mapped = new LinkedHashSet<>();
    for (FieldMapping field : fields) {
      mapped.add(field.variable().name());
    }
    for (VariableUse use : schema.variablesOf(kind)) {
      String name = use.variable().name();
      if (use.required() && !name.equals(RegionalSchema.EVENT_KIND) && !mapped.contains(name)) {
        problems.add(
            1,
            "no mapping for '"
                + name
                + "', which "
                + kind
                + " requires (add it under fields or constants)");
      }
    }
  }

  static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  /** Reads the {@code source:} section. */
  private static final class SourceParser {
    private final Problems problems;

    SourceParser(Problems problems) {
      this.problems = problems;
    }

    SourceFormat parse(Entry entry) {
      if (entry == null || !YamlTree.isMapping(entry.value())) {
        problems.add(
            entry == null ? 1 : entry.line(),
            "'source' must say at least 'format: csv|xlsx|jsonl'");
        return defaults(SourceFormat.Kind.CSV);
      }
      Map<String, Entry> keys = YamlTree.entries(entry.value());
      problems.unknownKeys(keys, SOURCE_KEYS, "source key");
      SourceFormat.Kind kind = SourceFormat.Kind.CSV;
      Optional<String> format = problems.requiredText(keys, "format", entry.line());
      if (format.isPresent()) {
        try {
          kind = SourceFormat.Kind.valueOf(format.get().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.add(
              keys.get("format").line(),
              "unknown format '" + format.get() + "'; one of csv, xlsx, jsonl");
        }
      }
      Charset encoding = encoding(keys);
      char delimiter = character(keys, "delimiter", ',');
      char quote = character(keys, "quote", '"');
      int skipLines = problems.optionalInt(keys, "skip_lines", 0);
      if (skipLines < 0) {
        problems.add(keys.get("skip_lines").line(), "skip_lines cannot be negative");
        skipLines = 0;
      }
      Optional<String> sheet =
          keys.containsKey("sheet") ? problems.text(keys.get("sheet")) : Optional.empty();
      if (sheet.isPresent() && kind != SourceFormat.Kind.XLSX) {
        problems.add(keys.get("sheet").line(), "'sheet' applies to xlsx sources only");
      }
      return new SourceFormat(
          kind, encoding, delimiter, quote, skipLines, sheet, footer(keys.get("footer")));
    }

    private Charset encoding(Map<String, Entry> keys) {
      if (!keys.containsKey("encoding")) {
        return java.nio.charset.StandardCharsets.UTF_8;
      }
      String name = problems.text(keys.get("encoding")).orElse("UTF-8");
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        problems.add(
            keys.get("encoding").line(),
            "unknown encoding '" + name + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        return java.nio.charset.StandardCharsets.UTF_8;
      }
    }

    private char character(Map<String, Entry> keys, String key, char fallback) {
      if (!keys.containsKey(key)) {
        return fallback;
      }
      String text = problems.text(keys.get(key)).orElse(String.valueOf(fallback));
      if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
        return '\t';
      }
      if (text.length() != 1) {
        problems.add(
            keys.get(key).line(),
            "'" + key + "' must be one character (or 'tab'), not '" + text + "'");
        return fallback;
      }
      return text.charAt(0);
    }

    private Optional<FooterRule> footer(Entry entry) {
      if (entry == null) {
        return Optional.empty();
      }
      Map<String, Entry> keys = YamlTree.entries(entry.value());
      problems.unknownKeys(keys, Set.of("column", "matches"), "footer key");
      Optional<String> column = problems.requiredText(keys, "column", entry.line());
      Optional<String> matches = problems.requiredText(keys, "matches", entry.line());
      if (column.isEmpty() || matches.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new FooterRule(column.get(), Pattern.compile(matches.get())));
      } catch (PatternSyntaxException e) {
        problems.add(
            keys.get("matches").line(),
            "footer 'matches' is not a valid regular expression: " + e.getDescription());
        return Optional.empty();
      }
    }

    private static SourceFormat defaults(SourceFormat.Kind kind) {
      return new SourceFormat(
          kind,
          java.nio.charset.StandardCharsets.UTF_8,
          ',',
          '"',
          0,
          Optional.empty(),
          Optional.empty());
    }
  }
}
