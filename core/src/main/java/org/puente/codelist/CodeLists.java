package org.puente.codelist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.puente.schema.EventKind;

/**
 * The regional code lists, loaded once from resources bundled in this jar.
 *
 * <p>Each list's provenance is in {@code index.csv} beside the lists. The country and M49 lists
 * both come from the {@code datasets/country-codes} table.
 */
public final class CodeLists {

  private static final String INDEX = "index.csv";
  private static final String COUNTRY_TABLE = "country-codes.csv";

  private static final class Holder {
    private static final CodeLists STANDARD = load();
  }

  private final Map<String, CodeList> lists;
  private final List<String> order;
  private final List<Country> countries;

  private CodeLists(Map<String, CodeList> lists, List<Country> countries) {
    this.lists = Map.copyOf(lists);
    this.order = List.copyOf(lists.keySet());
    this.countries = List.copyOf(countries);
  }

  /** The code lists bundled with Puente. */
  public static CodeLists standard() {
    return Holder.STANDARD;
  }

  /** Every list, in the order of the index. */
  public List<CodeList> all() {
    List<CodeList> result = new ArrayList<>();
    for (String id : order) {
      result.add(lists.get(id));
    }
    return result;
  }

  public Optional<CodeList> list(String id) {
    return Optional.ofNullable(lists.get(requireNonNull(id, "id is null")));
  }

  /** The list with this id; for ids the schema guarantees. */
  public CodeList require(String id) {
    return list(id).orElseThrow(() -> new IllegalArgumentException("no code list " + id));
  }

  public Collection<String> ids() {
    return order;
  }

  /** The countries with their M49 classification. */
  public List<Country> countries() {
    return countries;
  }

  private static CodeLists load() {
    List<Country> countries = CountryTable.read(BundledCsv.read(COUNTRY_TABLE));
    Map<String, CodeList> lists = new LinkedHashMap<>();
    for (CSVRecord entry : BundledCsv.read(INDEX)) {
      String id = entry.get("id");
      String name = entry.get("name");
      boolean open = Boolean.parseBoolean(entry.get("open"));
      String provenance = entry.get("provenance");
      List<Code> codes =
          switch (id) {
            case "country" -> CountryTable.countryCodes(countries);
            case "m49" -> CountryTable.m49Codes(BundledCsv.read(COUNTRY_TABLE));
            case "age" -> AgeGroups.singleYearCodes();
            case "age_group" -> AgeGroups.groupCodes();
            case "event_kind" -> eventKindCodes();
            case "port" -> List.of();
            default -> simpleCodes(entry.get("resource"));
          };
      lists.put(id, new CodeList(id, name, open, provenance, codes));
    }
    return new CodeLists(lists, countries);
  }

  private static List<Code> eventKindCodes() {
    List<Code> codes = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      codes.add(new Code(kind.name(), Optional.empty(), Map.of("en", kind.label())));
    }
    return codes;
  }

  private static List<Code> simpleCodes(String resource) {
    List<Code> codes = new ArrayList<>();
    for (CSVRecord row : BundledCsv.read(resource)) {
      Map<String, String> labels = new TreeMap<>();
      for (String language : List.of("en", "es", "fr")) {
        String label = row.get(language);
        if (!label.isBlank()) {
          labels.put(language, label);
        }
      }
      String parent = row.get("parent");
      codes.add(
          new Code(
              row.get("code"), parent.isBlank() ? Optional.empty() : Optional.of(parent), labels));
    }
    return codes;
  }
}
