package org.puente.codelist;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.puente.codelist.internal.TextFold;

/**
 * Maps the raw country values found in exports to ISO 3166-1 alpha-3.
 *
 * <p>Accepted: alpha-3 and alpha-2 codes, numeric codes (with or without leading zeros), and names
 * in English, Spanish and French as the UN (UNTERM), ISO and CLDR publish them, plus the common
 * variants in {@code country-aliases.csv}. Names are compared after folding (accents, case,
 * punctuation) and after dropping articles and linking words ("(el)", "the", "de", "y", "et" ...),
 * so "Estados Unidos de América", "ESTADOS UNIDOS DE AMERICA" and "Estados Unidos de América (los)"
 * agree.
 *
 * <p>A value that matches nothing, or a name shared by two countries, is {@link
 * CountryMatch.Unknown}: the normaliser never guesses. The two-letter value {@code NA} is also
 * unknown, since exports use it for "not available" far more often than for Namibia.
 */
public final class CountryNormaliser {

  private static final Set<String> LINKING_WORDS =
      Set.of(
          "the", "of", "and", "el", "la", "los", "las", "le", "les", "l", "de", "del", "des", "du",
          "d", "y", "e", "et");
  private static final Set<String> NOT_AVAILABLE = Set.of("NA");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,3}");
  private static final Pattern TWO_LETTERS = Pattern.compile("[A-Z]{2}");
  private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

  /**
   * Exports repeat a few hundred distinct raw values millions of times: answers are memoised, up to
   * a bound so that a column of garbage cannot grow the memory without limit.
   */
  private static final int MEMO_LIMIT = 20_000;

  private final Map<String, CountryMatch> memo = new ConcurrentHashMap<>();

  private final Map<String, String> byAlpha3 = new HashMap<>();
  private final Map<String, String> byAlpha2 = new HashMap<>();
  private final Map<Integer, String> byNumeric = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();
  private final Map<String, Set<String>> ambiguousNames = new HashMap<>();

  CountryNormaliser(List<Country> countries, List<CSVRecord> aliases) {
    Map<String, Set<String>> candidates = new HashMap<>();
    for (Country country : countries) {
      byAlpha3.put(country.alpha3(), country.alpha3());
      byAlpha2.put(country.alpha2(), country.alpha3());
      byNumeric.put(country.numeric(), country.alpha3());
      addName(candidates, country.nameEn(), country.alpha3());
      addName(candidates, country.nameEs(), country.alpha3());
      addName(candidates, country.nameFr(), country.alpha3());
      for (String variant : country.variants()) {
        addName(candidates, variant, country.alpha3());
      }
    }
    candidates.forEach(
        (key, codes) -> {
          if (codes.size() == 1) {
            byName.put(key, codes.iterator().next());
          } else {
            ambiguousNames.put(key, codes);
          }
        });
    for (CSVRecord alias : aliases) {
      String code = alias.get("alpha3");
      if (!byAlpha3.containsKey(code)) {
        throw new CodeListLoadException("country alias names unknown code " + code);
      }
      String key = key(alias.get("alias"));
      byName.put(key, code);
      ambiguousNames.remove(key);
    }
  }

  /** The normaliser over the bundled country table and aliases. */
  public static CountryNormaliser standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    private static final CountryNormaliser STANDARD =
        new CountryNormaliser(
            CodeLists.standard().countries(), BundledCsv.read("country-aliases.csv"));
  }

  public CountryMatch normalise(String raw) {
    requireNonNull(raw, "raw is null");
    CountryMatch known = memo.get(raw);
    if (known != null) {
      return known;
    }
    CountryMatch match = match(raw);
    if (memo.size() < MEMO_LIMIT) {
      memo.put(raw, match);
    }
    return match;
  }

  private CountryMatch match(String raw) {
    String trimmed = raw.strip();
    if (trimmed.isEmpty()) {
      return new CountryMatch.Unknown(raw, "empty value");
    }
    String upper = trimmed.toUpperCase(Locale.ROOT);
    if (NOT_AVAILABLE.contains(upper)) {
      return new CountryMatch.Unknown(raw, "'" + trimmed + "' usually means not available");
    }
    if (NUMERIC.matcher(upper).matches()) {
      String code = byNumeric.get(Integer.parseInt(upper));
      return code == null
          ? new CountryMatch.Unknown(raw, "no country has numeric code " + trimmed)
          : new CountryMatch.Known(raw, code);
    }
    if (THREE_LETTERS.matcher(upper).matches() && byAlpha3.containsKey(upper)) {
      return new CountryMatch.Known(raw, upper);
    }
    if (TWO_LETTERS.matcher(upper).matches() && byAlpha2.containsKey(upper)) {
      return new CountryMatch.Known(raw, byAlpha2.get(upper));
    }
    String key = key(trimmed);
    String code = byName.get(key);
    if (code != null) {
      return new CountryMatch.Known(raw, code);
    }
    Set<String> several = ambiguousNames.get(key);
    if (several != null) {
      return new CountryMatch.Unknown(raw, "could be any of " + String.join(", ", several));
    }
    return new CountryMatch.Unknown(raw, "no country or area has this code or name");
  }

  private static void addName(Map<String, Set<String>> candidates, String name, String alpha3) {
    String key = key(name);
    if (!key.isEmpty()) {
      candidates.computeIfAbsent(key, k -> new TreeSet<>()).add(alpha3);
    }
  }

  /** The comparison key of a name: folded, linking words dropped, "st" read as "saint". */
  static String key(String name) {
    StringBuilder key = new StringBuilder();
    for (String word : TextFold.fold(name).split(" ")) {
      if (word.isEmpty() || LINKING_WORDS.contains(word)) {
        continue;
      }
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(word.equals("st") ? "saint" : word);
    }
    return key.toString();
  }
}
