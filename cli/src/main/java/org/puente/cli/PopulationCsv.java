package org.puente.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.PopulationRow;

/**
 * Reads a population CSV: header {@code country,year,sex,population}, one row per country, year and
 * sex; lines starting with {@code #} are comments (provenance notes), blank lines are skipped. The
 * whole file is checked before anything is loaded; the first bad row is an error naming the file,
 * line and field.
 */
final class PopulationCsv {

  static final List<String> HEADER = List.of("country", "year", "sex", "population");

  private final Path file;
  private final CodeList countries = CodeLists.standard().require("country");

  private PopulationCsv(Path file) {
    this.file = file;
  }

  static List<PopulationRow> read(Path file) {
    return new PopulationCsv(file).rows();
  }

  private List<PopulationRow> rows() {
    List<String> lines = lines();
    List<PopulationRow> rows = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    boolean headerSeen = false;
    // Line by line rather than one parser over the file: every error then has its exact line,
    // whatever comments and blank lines come before it. No field of this format spans lines.
    for (int index = 0; index < lines.size(); index++) {
      int line = index + 1;
      String text = lines.get(index);
      if (text.isBlank() || text.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> fields = fields(text, line);
      if (!headerSeen) {
        List<String> header = fields.stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
          throw bad(line, "header", "the header must be " + String.join(",", HEADER));
        }
        headerSeen = true;
        continue;
      }
      if (fields.size() != HEADER.size()) {
        throw bad(line, "row", "expected 4 fields, found " + fields.size());
      }
      PopulationRow row = row(fields, line);
      String key = row.country() + " " + row.year() + " " + row.sex();
      Integer earlier = firstLine.putIfAbsent(key, line);
      if (earlier != null) {
        throw bad(line, "country", key + " is already given on line " + earlier);
      }
      rows.add(row);
    }
    if (!headerSeen) {
      throw bad(1, "header", "the file is empty; the header must be " + String.join(",", HEADER));
    }
    return rows;
  }

  private PopulationRow row(List<String> fields, int line) {
    String country = fields.get(0).strip();
    if (!country.matches("[A-Z]{3}") || !countries.contains(country)) {
      throw bad(line, "country", "'" + country + "' is not an ISO 3166-1 alpha-3 code");
    }
    String yearText = fields.get(1).strip();
    if (!yearText.matches("\\d{4}")
        || Integer.parseInt(yearText) < 1900
        || Integer.parseInt(yearText) > 2200) {
      throw bad(line, "year", "'" + yearText + "' is not a year from 1900 to 2200");
    }
    String sex = fields.get(2).strip();
    if (!sex.equals("F") && !sex.equals("M") && !sex.equals("_T")) {
      throw bad(line, "sex", "'" + sex + "' is not F, M or _T (total)");
    }
    String populationText = fields.get(3).strip();
    if (!populationText.matches("\\d{1,15}")) {
      throw bad(
          line,
          "population",
          "'" + populationText + "' is not a whole number of persons (digits only, not negative)");
    }
    return new PopulationRow(
        country, Integer.parseInt(yearText), sex, Long.parseLong(populationText));
  }

  private List<String> fields(String text, int line) {
    try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw bad(line, "row", "not one CSV row");
      }
      return records.get(0).toList();
    } catch (IOException | IllegalStateException | UncheckedIOException e) {
      throw bad(line, "row", "not valid CSV: " + e.getMessage());
    }
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no file " + file, e);
    } catch (CharacterCodingException e) {
      throw new PuenteException(ErrorCode.BAD_INPUT, file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read " + file + ": " + e, e);
    }
  }

  private PuenteException bad(int line, String field, String message) {
    return new PuenteException(
        ErrorCode.BAD_INPUT, file + " line " + line + " field " + field + ": " + message);
  }
}
