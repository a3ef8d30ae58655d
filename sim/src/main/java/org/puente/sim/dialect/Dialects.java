package org.puente.sim.dialect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the export dialects: one YAML file per country under {@code org/puente/sim/dialect/}. A
 * file's settings fall back to the country's {@code defaults}. Adding a country's dialect is adding
 * one file.
 */
public final class Dialects {

  /** Settings shared by a country's files, or overridden by one. */
  record Settings(
      String format,
      String delimiter,
      String encoding,
      String dateFormat,
      String countries,
      String nameCase,
      Boolean asciiOnly,
      LinkedHashMap<String, LinkedHashMap<String, String>> codes) {}

  record FileSpec(
      String kind,
      String name,
      String format,
      String delimiter,
      String encoding,
      String dateFormat,
      String countries,
      String nameCase,
      Boolean asciiOnly,
      LinkedHashMap<String, LinkedHashMap<String, String>> codes,
      LinkedHashMap<String, String> columns,
      String title,
      String totals,
      String idPrefix,
      Integer idWidth,
      String sheet) {}

  record CountrySpec(String country, String authority, Settings defaults, List<FileSpec> files) {}

  /** A country's dialect: who keeps the records and the files they export. */
  public record Dialect(String country, String authority, List<ExportSpec> files) {
    public Dialect {
      files = List.copyOf(files);
    }

    public Optional<ExportSpec> file(RecordKind kind) {
      return files.stream().filter(f -> f.kind() == kind).findFirst();
    }
  }

  private Dialects() {}

  /** The bundled dialect of a country. */
  public static Dialect of(String country) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    String resource = "/org/puente/sim/dialect/" + country + ".yaml";
    try (InputStream in = Dialects.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no dialect for " + country + " (" + resource + ")");
      }
      CountrySpec spec = yaml.readValue(in, CountrySpec.class);
      if (!country.equals(spec.country())) {
        throw new IllegalStateException(resource + " describes " + spec.country());
      }
      List<ExportSpec> files = new ArrayList<>();
      for (FileSpec file : spec.files()) {
        files.add(resolve(country, spec.defaults(), file));
      }
      return new Dialect(country, spec.authority(), files);
    } catch (IOException e) {
      throw new UncheckedIOException(resource + " is unreadable", e);
    }
  }

  private static ExportSpec resolve(String country, Settings defaults, FileSpec file) {
    Map<Field, String> columns = new LinkedHashMap<>();
    file.columns().forEach((field, column) -> columns.put(Field.ofKey(field), column));
    Map<Field, Map<String, String>> codes = new LinkedHashMap<>();
    if (defaults.codes() != null) {
      defaults.codes().forEach((field, map) -> codes.put(Field.ofKey(field), Map.copyOf(map)));
    }
    if (file.codes() != null) {
      file.codes().forEach((field, map) -> codes.put(Field.ofKey(field), Map.copyOf(map)));
    }
    String delimiter = or(file.delimiter(), defaults.delimiter(), ",");
    if (delimiter.length() != 1) {
      throw new IllegalStateException(file.name() + ": the delimiter must be one character");
    }
    return new ExportSpec(
        country,
        RecordKind.valueOf(file.kind()),
        file.name(),
        ExportSpec.Format.valueOf(or(file.format(), defaults.format(), "CSV")),
        delimiter.charAt(0),
        Charset.forName(or(file.encoding(), defaults.encoding(), "UTF-8")),
        or(file.dateFormat(), defaults.dateFormat(), "yyyy-MM-dd"),
        ExportSpec.CountryStyle.valueOf(or(file.countries(), defaults.countries(), "ALPHA3")),
        ExportSpec.NameCase.valueOf(or(file.nameCase(), defaults.nameCase(), "AS_IS")),
        file.asciiOnly() != null
            ? file.asciiOnly()
            : defaults.asciiOnly() != null && defaults.asciiOnly(),
        columns,
        codes,
        Optional.ofNullable(file.title()),
        Optional.ofNullable(file.totals()),
        file.idPrefix() == null ? "" : file.idPrefix(),
        file.idWidth() == null ? 0 : file.idWidth(),
        file.sheet() == null ? "Sheet1" : file.sheet());
  }

  private static String or(String value, String fallback, String last) {
    return value != null ? value : (fallback != null ? fallback : last);
  }
}
