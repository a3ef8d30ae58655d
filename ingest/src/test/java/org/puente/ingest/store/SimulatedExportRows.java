package org.puente.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
 * Reads a simulated export the way its dialect (not a mapping spec) declares it, independently of
 * the ingest readers: commons-csv with the dialect's delimiter and encoding and the title line
 * skipped, POI for XLSX, Jackson for JSON lines. The totals row is left out. Small test files only:
 * the rows are held in memory.
 */
final class SimulatedExportRows {

  private SimulatedExportRows() {}

  static List<Map<String, String>> read(Path file, ExportSpec export) throws IOException {
    List<Map<String, String>> rows =
        switch (export.format()) {
          case CSV -> csv(file, export);
          case XLSX -> xlsx(file);
          case JSONL -> jsonl(file, export);
        };
    if (export.totals().isPresent()) {
      String recordId = export.columns().values().iterator().next();
      rows.removeIf(row -> export.totals().get().equals(row.get(recordId)));
    }
    return rows;
  }

  private static List<Map<String, String>> csv(Path file, ExportSpec export) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(export.delimiter()).setHeader().get();
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, export.encoding())) {
      if (export.title().isPresent()) {
        reader.readLine();
      }
      try (CSVParser parser = CSVParser.parse(reader, format)) {
        List<String> header = parser.getHeaderNames();
        for (CSVRecord record : parser) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), i < record.size() ? record.get(i) : "");
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static List<Map<String, String>> xlsx(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
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
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), formatter.formatCellValue(row.getCell(i)));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  private static List<Map<String, String>> jsonl(Path file, ExportSpec export) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, export.encoding())) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode node = json.readTree(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          row.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
