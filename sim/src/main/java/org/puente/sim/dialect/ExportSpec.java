package org.puente.sim.dialect;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One export file of one country, fully resolved from its dialect description.
 *
 * @param columns field to column name, in column order
 * @param codes per field, regional code to the code the country writes
 * @param title a line written above the header, if any
 * @param totals the label of a last row carrying the row count, if any
 */
public record ExportSpec(
    String country,
    RecordKind kind,
    String fileName,
    Format format,
    char delimiter,
    Charset encoding,
    String datePattern,
    CountryStyle countries,
    NameCase nameCase,
    boolean asciiOnly,
    Map<Field, String> columns,
    Map<Field, Map<String, String>> codes,
    Optional<String> title,
    Optional<String> totals,
    String idPrefix,
    int idWidth,
    String sheet) {

  /** File formats. */
  public enum Format {
    CSV,
    XLSX,
    JSONL
  }

  /** How countries are written. */
  public enum CountryStyle {
    ALPHA3,
    ALPHA2,
    NAME_ES,
    NAME_EN
  }

  /** How names are written. */
  public enum NameCase {
    UPPER,
    AS_IS
  }

  public ExportSpec {
    requireNonNull(country, "country is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(fileName, "fileName is null");
    requireNonNull(format, "format is null");
    requireNonNull(encoding, "encoding is null");
    requireNonNull(datePattern, "datePattern is null");
    requireNonNull(countries, "countries is null");
    requireNonNull(nameCase, "nameCase is null");
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    codes = Map.copyOf(codes);
    requireNonNull(title, "title is null");
    requireNonNull(totals, "totals is null");
    requireNonNull(idPrefix, "idPrefix is null");
    requireNonNull(sheet, "sheet is null");
    if (!columns.containsKey(Field.RECORD_ID)) {
      throw new IllegalArgumentException(fileName + ": every export needs a record_id column");
    }
  }

  public DateTimeFormatter dateFormatter() {
    return DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH);
  }

  public List<Field> fields() {
    return List.copyOf(columns.keySet());
  }

  public String column(Field field) {
    return columns.get(field);
  }

  /** The code this export writes for a regional code of a field. */
  public String code(Field field, String regional) {
    Map<String, String> map = codes.get(field);
    if (map == null) {
      return regional;
    }
    return map.getOrDefault(regional, regional);
  }

  /** The record id as written: prefix and number, zero-padded to the width. */
  public String recordId(long number) {
    String digits = Long.toString(number);
    if (digits.length() >= idWidth) {
      return idPrefix + digits;
    }
    return idPrefix + "0".repeat(idWidth - digits.length()) + digits;
  }
}
