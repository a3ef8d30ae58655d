package org.puente.sim.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.puente.sim.dialect.ExportSpec;

/**
 * An XLSX workbook written with POI's streaming SXSSF: only a window of rows is in memory, the rest
 * is flushed to a temporary file. A sheet that reaches Excel's row limit continues in a new sheet
 * with the same header.
 */
final class XlsxExportWriter extends ExportWriter {

  static {
    // POI logs through the Log4j API; without a provider Log4j prints a warning on every run.
    // The simple provider keeps POI's errors on standard error and nothing else.
    if (System.getProperty("log4j.provider") == null) {
      System.setProperty(
          "log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
    }
  }

  private static final int MAX_ROWS = 1_048_576;
  private static final int WINDOW = 200;

  private final Path file;
  private final int idIndex;
  private final SXSSFWorkbook workbook;
  private Sheet sheet;
  private int nextRow;
  private int sheets;

  XlsxExportWriter(ExportSpec spec, Path file) {
    super(spec);
    this.file = file;
    this.idIndex = idIndex(spec);
    this.workbook = new SXSSFWorkbook(WINDOW);
    // Uncompressed temporary sheet data: gzip here cost ~4% of the simulator's CPU, for files
    // that are small next to the CSV exports and deleted when the workbook is written.
    workbook.setCompressTempFiles(false);
    newSheet();
  }

  private void newSheet() {
    sheets++;
    sheet = workbook.createSheet(sheets == 1 ? spec.sheet() : spec.sheet() + " " + sheets);
    nextRow = 0;
    Row header = sheet.createRow(nextRow++);
    int i = 0;
    for (String column : spec.columns().values()) {
      header.createCell(i++).setCellValue(column);
    }
  }

  @Override
  void writeRow(ChunkFile part, int row, RecordIds id) {
    String recordId = new String(id.bytes(), 0, id.length(), StandardCharsets.US_ASCII);
    // Keep one row free for the totals line.
    if (nextRow >= MAX_ROWS - 1) {
      newSheet();
    }
    Row out = sheet.createRow(nextRow++);
    String[] cells = part.cellRows().get(row);
    for (int i = 0; i < cells.length; i++) {
      String value = i == idIndex ? recordId : cells[i];
      if (!value.isEmpty()) {
        out.createCell(i).setCellValue(value);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (spec.totals().isPresent()) {
      Row totals = sheet.createRow(nextRow++);
      totals.createCell(0).setCellValue(spec.totals().get());
      totals.createCell(1).setCellValue(rows);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }
}
