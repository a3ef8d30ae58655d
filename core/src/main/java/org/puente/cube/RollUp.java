package org.puente.cube;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.puente.codelist.AgeGroups;
import org.puente.codelist.Code;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;

/**
 * The hierarchies of the dimensions: for a leaf code, its ancestors up to the total. A table broken
 * down by a dimension shows every level, and each level is the exact sum of its children before
 * disclosure control.
 */
public final class RollUp {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern VALID_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern SINGLE_AGE = Pattern.compile("Y(\\d{1,3})");

  private final CodeLists codeLists;
  private final Map<String, Country> countries = new HashMap<>();

  public RollUp(CodeLists codeLists) {
    this.codeLists = requireNonNull(codeLists, "codeLists is null");
    for (Country country : codeLists.countries()) {
      countries.put(country.alpha3(), country);
    }
  }

  /**
   * The ancestors of {@code leaf} in {@code dimension}, nearest first, ending with the total {@code
   * _T}. A port's parent is its reporting country, given by {@code portCountry}.
   */
  public List<String> ancestors(Dimension dimension, String leaf, Map<String, String> portCountry) {
    requireNonNull(leaf, "leaf is null");
    List<String> chain = new ArrayList<>();
    if (leaf.equals(Dimension.UNKNOWN) || leaf.equals(Dimension.TOTAL)) {
      return leaf.equals(Dimension.TOTAL) ? chain : List.of(Dimension.TOTAL);
    }
    switch (dimension.kind()) {
      case PERIOD -> period(leaf, chain);
      case AGE -> {
        var single = SINGLE_AGE.matcher(leaf);
        if (single.matches()) {
          chain.add(AgeGroups.groupOf(Integer.parseInt(single.group(1))));
        }
      }
      case COUNTRY -> country(leaf, chain);
      case PORT -> {
        String country = portCountry.get(leaf);
        if (country != null) {
          chain.add(country);
          country(country, chain);
        }
      }
      case CODE -> dimension.codeList().ifPresent(list -> codeListParents(list, leaf, chain));
      case FLAG -> {
        // true and false sit directly under the total.
      }
    }
    chain.remove(Dimension.TOTAL);
    chain.add(Dimension.TOTAL);
    return chain;
  }

  /**
   * The level of a period code: {@code year} ({@code 2024}), {@code quarter} ({@code 2024-Q1}) or
   * {@code month} ({@code 2024-03}); empty for anything else.
   */
  public static Optional<String> periodLevel(String code) {
    if (YEAR.matcher(code).matches()) {
      return Optional.of("year");
    }
    if (QUARTER.matcher(code).matches()) {
      return Optional.of("quarter");
    }
    if (VALID_MONTH.matcher(code).matches()) {
      return Optional.of("month");
    }
    return Optional.empty();
  }

  /** The ancestors of a month {@code yyyy-MM} (its quarter and year) or a quarter (its year). */
  private static void period(String leaf, List<String> chain) {
    if (QUARTER.matcher(leaf).matches()) {
      chain.add(leaf.substring(0, 4));
      return;
    }
    if (YEAR.matcher(leaf).matches()) {
      return;
    }
    var month = MONTH.matcher(leaf);
    if (!month.matches()) {
      throw new IllegalArgumentException("not a period code (yyyy, yyyy-Qn, yyyy-MM): " + leaf);
    }
    int quarter = (Integer.parseInt(month.group(2)) - 1) / 3 + 1;
    chain.add(month.group(1) + "-Q" + quarter);
    chain.add(month.group(1));
  }

  private void country(String alpha3, List<String> chain) {
    Country country = countries.get(alpha3);
    if (country == null) {
      return;
    }
    country.intermediateRegion().ifPresent(chain::add);
    country.subRegion().ifPresent(chain::add);
    country.region().ifPresent(chain::add);
  }

  private void codeListParents(String listId, String leaf, List<String> chain) {
    CodeList list = codeLists.require(listId);
    Optional<Code> code = list.code(leaf);
    while (code.isPresent() && code.get().parent().isPresent()) {
      String parent = code.get().parent().get();
      chain.add(parent);
      code = list.code(parent);
    }
  }

  /** The label of a code of {@code dimension} in {@code language}, or the code itself. */
  public String label(Dimension dimension, String code, String language) {
    if (code.equals(Dimension.TOTAL)) {
      return language.equals("es") ? "Total" : "Total";
    }
    if (code.equals(Dimension.UNKNOWN)) {
      return language.equals("es") ? "Desconocido" : "Unknown";
    }
    if (dimension.kind() == DimensionKind.PORT && code.indexOf('/') > 0) {
      return code.substring(code.indexOf('/') + 1);
    }
    switch (dimension.kind()) {
      case COUNTRY, PORT -> {
        Country country = countries.get(code);
        if (country != null) {
          return language.equals("es") ? country.nameEs() : country.nameEn();
        }
        return codeLists.require("m49").code(code).map(c -> c.label(language)).orElse(code);
      }
      case AGE -> {
        return codeLists
            .require("age")
            .code(code)
            .or(() -> codeLists.require("age_group").code(code))
            .map(c -> c.label(language))
            .orElse(code);
      }
      case CODE -> {
        return dimension
            .codeList()
            .flatMap(list -> codeLists.require(list).code(code))
            .map(c -> c.label(language))
            .orElse(code);
      }
      case PERIOD, FLAG -> {
        return code;
      }
    }
    return code;
  }
}
