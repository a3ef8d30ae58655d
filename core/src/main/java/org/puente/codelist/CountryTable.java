package org.puente.codelist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** Reads the {@code datasets/country-codes} table into countries and the M49 group list. */
final class CountryTable {

  private static final List<String> VARIANT_COLUMNS =
      List.of(
          "UNTERM English Short",
          "UNTERM English Formal",
          "UNTERM Spanish Short",
          "UNTERM Spanish Formal",
          "UNTERM French Short",
          "UNTERM French Formal",
          "CLDR display name");

  private CountryTable() {}

  static List<Country> read(List<CSVRecord> rows) {
    List<Country> countries = new ArrayList<>();
    for (CSVRecord row : rows) {
      String alpha3 = row.get("ISO3166-1-Alpha-3").trim();
      String alpha2 = row.get("ISO3166-1-Alpha-2").trim();
      if (alpha3.isEmpty() || alpha2.isEmpty()) {
        continue;
      }
      Set<String> variants = new LinkedHashSet<>();
      for (String column : VARIANT_COLUMNS) {
        String value = row.get(column).trim();
        if (!value.isEmpty()) {
          variants.add(value);
        }
      }
      String nameEn = row.get("official_name_en").trim();
      countries.add(
          new Country(
              alpha3,
              alpha2,
              Integer.parseInt(row.get("ISO3166-1-numeric").trim()),
              group(row.get("Region Code")),
              group(row.get("Sub-region Code")),
              group(row.get("Intermediate Region Code")),
              nameEn,
              orElse(row.get("official_name_es"), nameEn),
              orElse(row.get("official_name_fr"), nameEn),
              List.copyOf(variants)));
    }
    return countries;
  }

  static List<Code> countryCodes(List<Country> countries) {
    List<Code> codes = new ArrayList<>();
    for (Country country : countries) {
      codes.add(
          new Code(
              country.alpha3(),
              Optional.empty(),
              Map.of("en", country.nameEn(), "es", country.nameEs(), "fr", country.nameFr())));
    }
    return codes;
  }

  /**
   * The M49 groups: World, regions, sub-regions, intermediate regions, each with its parent. The
   * table names them in English only.
   */
  static List<Code> m49Codes(List<CSVRecord> rows) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> parents = new LinkedHashMap<>();
    names.put(M49.WORLD, "World");
    for (CSVRecord row : rows) {
      Optional<String> region = group(row.get("Region Code"));
      Optional<String> subRegion = group(row.get("Sub-region Code"));
      Optional<String> intermediate = group(row.get("Intermediate Region Code"));
      region.ifPresent(
          code -> {
            names.put(code, row.get("Region Name").trim());
            parents.put(code, M49.WORLD);
          });
      subRegion.ifPresent(
          code -> {
            names.put(code, row.get("Sub-region Name").trim());
            parents.put(code, region.orElse(M49.WORLD));
          });
      intermediate.ifPresent(
          code -> {
            names.put(code, row.get("Intermediate Region Name").trim());
            parents.put(code, subRegion.or(() -> region).orElse(M49.WORLD));
          });
    }
    List<Code> codes = new ArrayList<>();
    names.forEach(
        (code, name) ->
            codes.add(new Code(code, Optional.ofNullable(parents.get(code)), Map.of("en", name))));
    return codes;
  }

  private static Optional<String> group(String digits) {
    String trimmed = digits.trim();
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(M49.code(trimmed));
  }

  private static String orElse(String value, String fallback) {
    return value.isBlank() ? fallback : value.trim();
  }
}
