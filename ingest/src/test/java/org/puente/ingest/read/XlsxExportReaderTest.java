package org.puente.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.spec.SourceFormat;

class XlsxExportReaderTest {

  private static final List<String> COLUMNS = List.of("ID", "FECHA", "SEXO");

  @TempDir Path dir;

  private static SourceFormat xlsx(int skip, Optional<String> sheet) {
    return new SourceFormat(
        SourceFormat.Kind.XLSX, StandardCharsets.UTF_8, ',', '"', skip, sheet, Optional.empty());
  }

  /** A workbook with a title row, a header, and two records; the second has a date cell. */
  private Path workbook(String name) throws IOException {
    Path path = dir.resolve(name);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(path)) {
      XSSFSheet sheet = workbook.createSheet("Movimientos");
      sheet.createRow(0).createCell(0).setCellValue("REGISTRO DE MOVIMIENTOS 2024");
      Row header = sheet.createRow(1);
      String[] names = {"SEXO", "ID", "FECHA", "OTRA"};
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Row first = sheet.createRow(2);
      first.createCell(0).setCellValue("H");
      first.createCell(1).setCellValue(1001);
      first.createCell(2).setCellValue("15/03/2024");
      Row second = sheet.createRow(3);
      second.createCell(0).setCellValue("M");
      second.createCell(1).setCellValue("A-2");
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
      second.createCell(2).setCellValue(LocalDate.of(2024, 2, 29));
      second.getCell(2).setCellStyle(dateStyle);
      workbook.write(out);
    }
    return path;
  }

  private CollectingSink read(SourceFormat format, Path file) {
    CollectingSink sink = new CollectingSink();
    assertThat(new XlsxExportReader(format, COLUMNS).read(file, sink)).isEqualTo(sink.rows.size());
    return sink;
  }

  @Test
  void streamsRowsWithRowNumbersAndIsoDates() throws IOException {
    CollectingSink sink = read(xlsx(1, Optional.of("Movimientos")), workbook("w.xlsx"));
    assertThat(sink.header).containsExactly("SEXO", "ID", "FECHA", "OTRA");
    assertThat(sink.rows).extracting(CollectingSink.Row::line).containsExactly(3L, 4L);
    assertThat(sink.rows.get(0).projected()).containsExactly("1001", "15/03/2024", "H");
    assertThat(sink.rows.get(1).projected()).containsExactly("A-2", "2024-02-29", "M");
  }

  @Test
  void anUnknownSheetIsNamed() throws IOException {
    Path file = workbook("s.xlsx");
    assertThatThrownBy(() -> read(xlsx(1, Optional.of("Hoja9")), file))
        .hasMessage("file s.xlsx has no sheet 'Hoja9' (sheets: Movimientos)");
  }

  @Test
  void zeroByteAndTruncatedWorkbooksAreRefusedClearly() throws IOException {
    Path empty = dir.resolve("empty.xlsx");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> read(xlsx(0, Optional.empty()), empty))
        .hasMessageStartingWith("file empty.xlsx is not a readable XLSX workbook");

    byte[] whole = Files.readAllBytes(workbook("whole.xlsx"));
    Path truncated = dir.resolve("truncated.xlsx");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> read(xlsx(0, Optional.empty()), truncated))
        .hasMessageStartingWith("file truncated.xlsx is not a readable XLSX workbook");
  }

  @Test
  void aZipBombIsRefusedWithoutInflatingIt() throws IOException {
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipFile source = new ZipFile(workbook("base.xlsx").toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      Enumeration<? extends ZipEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          // 200 MB of blanks inside the sheet XML: deflates about 1000 to 1.
          byte[] blanks = new byte[1 << 20];
          Arrays.fill(blanks, (byte) ' ');
          out.write("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 200; i++) {
            out.write(blanks);
          }
        } else {
          source.getInputStream(entry).transferTo(out);
        }
        out.closeEntry();
      }
    }
    assertThat(Files.size(bomb)).isLessThan(2_000_000);
    assertThatThrownBy(() -> read(xlsx(0, Optional.empty()), bomb))
        .hasMessageStartingWith("file bomb.xlsx is not a readable XLSX workbook")
        .hasMessageContaining("Zip bomb");
  }
}
