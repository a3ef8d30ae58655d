package org.puente.ingest.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.spec.SourceFormat;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams an XLSX sheet with POI's event API (SAX over the sheet XML): memory stays bounded by the
 * shared-strings table, not the number of rows. Date cells are read as ISO text ({@code
 * yyyy-MM-dd}, or {@code yyyy-MM-ddTHH:mm} when they carry a time), whatever their display format.
 * POI's zip-bomb guard refuses entries that inflate more than 100 times.
 */
public final class XlsxExportReader implements ExportReader {

  static {
    ZipSecureFile.setMinInflateRatio(0.01);
  }

  private final SourceFormat format;
  private final List<String> columns;

  public XlsxExportReader(SourceFormat format, List<String> columns) {
    this.format = requireNonNull(format, "format is null");
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
  }

  @Override
  public long read(Path file, RowSink sink) {
    String name = file.getFileName().toString();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      try (InputStream sheet = chooseSheet(name, sheets)) {
        RowCollector collector = new RowCollector(file, sink);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                styles, null, strings, collector, new IsoDateFormatter(), false));
        parser.parse(new InputSource(sheet));
        if (!collector.sawHeader) {
          throw new PuenteException(
              ErrorCode.BAD_INPUT, "file " + name + " is empty: no header row");
        }
        return collector.rows;
      }
    } catch (PuenteException e) {
      throw e;
    } catch (ParserConfigurationException
        | NotOfficeXmlFileException
        | EmptyFileException
        | OpenXML4JException
        | SAXException
        | IOException
        | IllegalStateException e) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT, "file " + name + " is not a readable XLSX workbook: " + oneLine(e));
    } catch (RuntimeException e) {
      // POI reports a zip bomb or a truncated archive with plain runtime exceptions.
      throw new PuenteException(
          ErrorCode.BAD_INPUT, "file " + name + " is not a readable XLSX workbook: " + oneLine(e));
    }
  }

  private InputStream chooseSheet(String name, XSSFReader.SheetIterator sheets) throws IOException {
    List<String> seen = new ArrayList<>();
    while (sheets.hasNext()) {
      InputStream sheet = sheets.next();
      String sheetName = sheets.getSheetName();
      if (format.sheet().isEmpty() || format.sheet().get().equals(sheetName)) {
        return sheet;
      }
      seen.add(sheetName);
      sheet.close();
    }
    throw new PuenteException(
        ErrorCode.BAD_INPUT,
        "file "
            + name
            + " has no sheet '"
            + format.sheet().orElse("")
            + "' (sheets: "
            + String.join(", ", seen)
            + ")");
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Gathers cells into rows, then hands rows to the sink. */
  private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Path file;
    private final RowSink sink;
    private final List<String> cells = new ArrayList<>();
    private Projection projection;
    private int headerSize;
    private int footerIndex = -1;
    private boolean sawHeader;
    private long rows;

    RowCollector(Path file, RowSink sink) {
      this.file = file;
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
    }

    @Override
    public void endRow(int rowNum) {
      long line = rowNum + 1L;
      if (rowNum < format.skipLines() || (cells.stream().allMatch(String::isBlank))) {
        return;
      }
      List<String> row = List.copyOf(cells);
      if (!sawHeader) {
        sawHeader = true;
        headerSize = trimmedSize(row);
        List<String> header = row.subList(0, headerSize);
        sink.header(header);
        projection = Projection.of(file, line, header, columns, "");
        footerIndex = format.footer().map(f -> columns.indexOf(f.column())).orElse(-1);
        return;
      }
      if (trimmedSize(row) > headerSize) {
        sink.malformed(
            line, "row has " + trimmedSize(row) + " cells, the header has " + headerSize, row);
        return;
      }
      String[] projected = projection.project(row);
      if (footerIndex >= 0 && format.footer().get().matches(projected[footerIndex])) {
        sink.footer(line);
        return;
      }
      sink.row(line, projected, row);
      rows++;
    }

    private int trimmedSize(List<String> row) {
      int size = row.size();
      while (size > 0 && row.get(size - 1).isBlank()) {
        size--;
      }
      return size;
    }
  }

  /** Shows date cells as ISO dates, so specs need not know each workbook's display format. */
  private static final class IsoDateFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime dateTime = DateUtil.getLocalDateTime(value);
        return value == Math.floor(value) ? dateTime.toLocalDate().toString() : dateTime.toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }
}
