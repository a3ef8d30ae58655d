package org.puente.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.puente.sim.dialect.ExportSpec;

/**
 * Reads an export back the way an ingesting node would, using only what its dialect declares: CSV
 * with commons-csv (declared delimiter and encoding, title line skipped), XLSX with POI, JSON lines
 * with Jackson. Returns the data rows (column name to value) and the totals row, if any.
 */
final class ExportReader {

  record Parsed(List<Map<String, String>> rows, List<String> totals) {}

  private ExportReader() {}

  static Parsed read(Path file, ExportSpec spec) throws IOException {
    return switch (spec.format()) {
      case CSV -> csv(file, spec);
      case XLSX -> xlsx(file, spec);
      case JSONL -> jsonl(file);
    };
  }

  private static Parsed csv(Path file, ExportSpec spec) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, spec.encoding())) {
      if (spec.title().isPresent()) {
        String title = reader.readLine();
        if (!spec.title().get().equals(title)) {
          throw new IllegalStateException("title line is " + title);
        }
      }
      return csvBody(reader, spec);
    }
  }

  private static Parsed csvBody(Reader reader, ExportSpec spec) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.delimiter()).setHeader().get();
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> totals = List.of();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        if (spec.totals().isPresent() && record.get(0).equals(spec.totals().get())) {
          totals = record.toList();
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.get(i));
        }
        rows.add(row);
      }
    }
    return new Parsed(rows, totals);
  }

  private static Parsed xlsx(Path file, ExportSpec spec) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> totals = List.of();
    DataFormatter formatter = new DataFormatter();
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      for (Sheet sheet : workbook) {
        Iterator<Row> iterator = sheet.iterator();
        List<String> header = new ArrayList<>();
        for (Cell cell : iterator.next()) {
          header.add(cell.getStringCellValue());
        }
        while (iterator.hasNext()) {
          Row row = iterator.next();
          String first = formatter.formatCellValue(row.getCell(0));
          if (spec.totals().isPresent() && first.equals(spec.totals().get())) {
            totals = List.of(first, formatter.formatCellValue(row.getCell(1)));
            continue;
          }
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), formatter.formatCellValue(row.getCell(i)));
          }
          rows.add(values);
        }
      }
    }
    return new Parsed(rows, totals);
  }

  private static Parsed jsonl(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = json.readTree(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          row.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        rows.add(row);
      }
    }
    return new Parsed(rows, List.of());
  }
}
