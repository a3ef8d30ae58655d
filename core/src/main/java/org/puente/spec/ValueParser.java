package org.puente.spec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.codelist.CountryMatch;
import org.puente.codelist.CountryNormaliser;
import org.puente.schema.Variable;
import org.puente.schema.VariableType;

/**
 * Turns one raw text value into the typed value of a regional variable, or says why it cannot.
 * Values: {@link String} for codes and text, {@link LocalDate}, {@link LocalDateTime}, {@link
 * Integer}, {@link Boolean}.
 *
 * <p>Messages never repeat the raw value of a personal identifier.
 */
final class ValueParser {

  private static final Map<String, Boolean> BOOLEANS =
      Map.ofEntries(
          Map.entry("true", true),
          Map.entry("false", false),
          Map.entry("1", true),
          Map.entry("0", false),
          Map.entry("yes", true),
          Map.entry("no", false),
          Map.entry("y", true),
          Map.entry("n", false),
          Map.entry("si", true),
          Map.entry("sí", true),
          Map.entry("s", true),
          Map.entry("oui", true),
          Map.entry("non", false));

  /** The outcome: a value, or a reason it could not be read. */
  record Parsed(Object value, String problem) {
    static Parsed ok(Object value) {
      return new Parsed(value, null);
    }

    static Parsed bad(String problem) {
      return new Parsed(null, problem);
    }

    boolean isOk() {
      return problem == null;
    }
  }

  private final Variable variable;
  private final Optional<CodeList> codeList;
  private final List<DateTimeFormatter> formatters;
  private final List<FastDatePattern> fast;
  private final List<String> patternNames;
  private final CountryNormaliser countries;

  ValueParser(
      Variable variable, List<String> patterns, CodeLists lists, CountryNormaliser countries) {
    this.variable = variable;
    this.codeList = variable.codeList().flatMap(lists::list);
    this.countries = countries;
    this.formatters = new ArrayList<>();
    this.patternNames = new ArrayList<>(patterns);
    this.fast = new ArrayList<>();
    for (String pattern : patterns) {
      formatters.add(formatter(pattern));
      fast.add(FastDatePattern.of(pattern).orElse(null));
    }
    if (formatters.isEmpty() && variable.type() == VariableType.DATE) {
      formatters.add(DateTimeFormatter.ISO_LOCAL_DATE);
      fast.add(FastDatePattern.of("yyyy-MM-dd").orElseThrow());
      patternNames.add("yyyy-MM-dd");
    }
    if (formatters.isEmpty() && variable.type() == VariableType.DATE_TIME) {
      formatters.add(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      patternNames.add("yyyy-MM-ddTHH:mm[:ss]");
    }
  }

  /**
   * A strict java.time formatter: 31/02 is refused. Patterns are written with {@code y} for the
   * year as people expect; strict resolution needs the proleptic year {@code u}, so it is swapped.
   */
  static DateTimeFormatter formatter(String pattern) {
    StringBuilder strict = new StringBuilder();
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      strict.append(!quoted && c == 'y' ? 'u' : c);
    }
    // Case-insensitive so that "15-MAR-2024" and "15-Mar-2024" both read with dd-MMM-yyyy.
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(strict.toString())
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  Parsed parse(String raw) {
    return switch (variable.type()) {
      case CODE -> code(raw);
      case DATE -> date(raw);
      case DATE_TIME -> dateTime(raw);
      case INTEGER -> integer(raw);
      case BOOLEAN -> bool(raw);
      case TEXT -> Parsed.ok(raw);
    };
  }

  private Parsed code(String raw) {
    if (codeList.isEmpty() || codeList.get().open()) {
      return Parsed.ok(raw);
    }
    CodeList list = codeList.get();
    if (list.id().equals("country")) {
      CountryMatch match = countries.normalise(raw);
      return match.alpha3().map(Parsed::ok).orElseGet(() -> Parsed.bad(unknownCountry(match)));
    }
    if (list.contains(raw)) {
      return Parsed.ok(raw);
    }
    String upper = raw.toUpperCase(Locale.ROOT);
    if (list.contains(upper)) {
      return Parsed.ok(upper);
    }
    return Parsed.bad("'" + shown(raw) + "' is not a code of " + list.id());
  }

  private static String unknownCountry(CountryMatch match) {
    String reason = match instanceof CountryMatch.Unknown unknown ? unknown.reason() : "";
    return "'" + shown(match.raw()) + "' is not a known country (" + reason + ")";
  }

  private Parsed date(String raw) {
    for (int i = 0; i < formatters.size(); i++) {
      FastDatePattern quick = fast.get(i);
      if (quick != null) {
        LocalDate date = quick.parse(raw);
        if (date != null) {
          return Parsed.ok(date);
        }
        continue;
      }
      try {
        return Parsed.ok(LocalDate.parse(raw, formatters.get(i)));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Parsed.bad(valueText(raw) + " is not a date in " + patterns());
  }

  private Parsed dateTime(String raw) {
    for (DateTimeFormatter formatter : formatters) {
      try {
        return Parsed.ok(LocalDateTime.parse(raw, formatter));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Parsed.bad(valueText(raw) + " is not a date-time in " + patterns());
  }

  private Parsed integer(String raw) {
    try {
      return Parsed.ok(Integer.parseInt(raw));
    } catch (NumberFormatException e) {
      return Parsed.bad(valueText(raw) + " is not a whole number");
    }
  }

  private Parsed bool(String raw) {
    Boolean value = BOOLEANS.get(raw.toLowerCase(Locale.ROOT));
    return value == null ? Parsed.bad(valueText(raw) + " is not yes/no") : Parsed.ok(value);
  }

  private String valueText(String raw) {
    return variable.personalIdentifier() ? "the value" : "'" + shown(raw) + "'";
  }

  private String patterns() {
    return String.join(" or ", patternNames);
  }

  /** Raw values are cut short in messages so that a broken file cannot flood a report. */
  private static String shown(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
  }
}
