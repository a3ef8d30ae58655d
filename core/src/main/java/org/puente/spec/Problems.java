package org.puente.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.puente.spec.internal.YamlTree;
import org.puente.spec.internal.YamlTree.Entry;

/** Collects the problems of one spec, and reads typed values while reporting bad ones. */
final class Problems {

  private final List<SpecProblem> problems = new ArrayList<>();

  void add(int line, String message) {
    problems.add(new SpecProblem(line, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<SpecProblem> list() {
    List<SpecProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(SpecProblem::line));
    return sorted;
  }

  void unknownKeys(Map<String, Entry> entries, Set<String> allowed, String what) {
    for (Entry entry : entries.values()) {
      if (!allowed.contains(entry.key())) {
        add(
            entry.line(),
            "unknown "
                + what
                + " '"
                + entry.key()
                + "'; allowed: "
                + String.join(", ", SpecParser.sorted(allowed)));
      }
    }
  }

  /** The text of a scalar entry; a mapping or list where text is expected is a problem. */
  Optional<String> text(Entry entry) {
    Optional<String> text = YamlTree.text(entry.value());
    if (text.isEmpty()) {
      add(entry.line(), "'" + entry.key() + "' must be a single value");
    }
    return text;
  }

  Optional<String> requiredText(Map<String, Entry> entries, String key, int parentLine) {
    Entry entry = entries.get(key);
    if (entry == null) {
      add(parentLine, "missing '" + key + "'");
      return Optional.empty();
    }
    Optional<String> text = text(entry).map(String::strip);
    if (text.isPresent() && text.get().isEmpty()) {
      add(entry.line(), "'" + key + "' is empty");
      return Optional.empty();
    }
    return text;
  }

  int optionalInt(Map<String, Entry> entries, String key, int fallback) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return fallback;
    }
    Optional<String> text = text(entry);
    try {
      return text.map(String::strip).map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      add(entry.line(), "'" + key + "' must be a whole number, not '" + text.get() + "'");
      return fallback;
    }
  }

  Optional<Boolean> optionalBoolean(Map<String, Entry> entries, String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    Optional<String> text = text(entry).map(String::strip);
    if (text.isPresent() && (text.get().equals("true") || text.get().equals("false"))) {
      return Optional.of(Boolean.parseBoolean(text.get()));
    }
    add(entry.line(), "'" + key + "' must be true or false");
    return Optional.empty();
  }
}
