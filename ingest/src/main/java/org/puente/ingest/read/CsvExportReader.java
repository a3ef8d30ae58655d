package org.puente.ingest.read;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.spec.SourceFormat;

/**
 * Streams a delimited text export with commons-csv: any delimiter, quote and encoding, lines
 * skipped above the header, a UTF-8 byte-order mark, CRLF or LF, and a bound on line length.
 * Decoding is strict: bytes that are not valid in the declared encoding stop the file with the line
 * they are on, rather than turning into replacement characters.
 */
public final class CsvExportReader implements ExportReader {

  /** Longer lines are refused: no real export has a 1 MiB record. */
  static final int MAX_LINE_LENGTH = 1 << 20;

  private final SourceFormat format;
  private final List<String> columns;

  public CsvExportReader(SourceFormat format, List<String> columns) {
    this.format = requireNonNull(format, "format is null");
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
  }

  @Override
  public long read(Path file, RowSink sink) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      EncodingCheck.refuseUtf8DeclaredAsSingleByte(file, in, format.encoding());
      skipByteOrderMark(in);
      LineGuardReader reader = new LineGuardReader(decoder(in, format.encoding()), MAX_LINE_LENGTH);
      try {
        return parse(file, reader, sink);
      } catch (UncheckedIOException e) {
        throw failure(file, reader, e.getCause());
      } catch (IOException e) {
        throw failure(file, reader, e);
      }
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot read file " + file + ": " + e.getMessage(), e);
    }
  }

  private long parse(Path file, LineGuardReader reader, RowSink sink) throws IOException {
    for (int i = 0; i < format.skipLines(); i++) {
      if (!reader.skipLine()) {
        throw empty(file);
      }
    }
    CSVFormat csv =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(format.delimiter())
            .setQuote(format.quote())
            .setIgnoreEmptyLines(false)
            .get();
    long rows = 0;
    try (CSVParser parser = csv.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw empty(file);
      }
      long headerLine = format.skipLines() + 1L;
      List<String> header = values(records.next());
      sink.header(header);
      Projection projection =
          Projection.of(
              file,
              headerLine,
              header,
              columns,
              "is the delimiter '" + format.delimiter() + "' right?");
      int footerIndex = format.footer().map(f -> columns.indexOf(f.column())).orElse(-1);
      // Empty lines are kept by the parser so that line numbers stay exact; they (and rows of
      // empty fields) are skipped here. A record starts on the line after the previous record's
      // last line end.
      long endOfPrevious = parser.getCurrentLineNumber();
      while (records.hasNext()) {
        List<String> row = values(records.next());
        long line = format.skipLines() + endOfPrevious + 1;
        endOfPrevious = parser.getCurrentLineNumber();
        if (row.stream().allMatch(String::isBlank)) {
          continue; // an empty line, or only delimiters: no data to keep
        }
        // A totals row often has fewer fields than the header: recognise it first.
        String[] projected = projection.project(row);
        if (footerIndex >= 0 && format.footer().get().matches(projected[footerIndex])) {
          sink.footer(line);
          continue;
        }
        if (row.size() != header.size()) {
          sink.malformed(
              line, "row has " + row.size() + " fields, the header has " + header.size(), row);
          continue;
        }
        sink.row(line, projected, row);
        rows++;
      }
    }
    return rows;
  }

  private static List<String> values(CSVRecord record) {
    List<String> values = new ArrayList<>(record.size());
    for (String value : record) {
      values.add(value);
    }
    return values;
  }

  private PuenteException failure(Path file, LineGuardReader reader, Throwable cause) {
    String where = "file " + file.getFileName() + " line ";
    if (cause instanceof LineGuardReader.LineTooLongException tooLong) {
      return new PuenteException(
          ErrorCode.BAD_INPUT,
          where
              + tooLong.line()
              + ": longer than "
              + MAX_LINE_LENGTH
              + " characters without a line end (is this a "
              + format.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " file?)");
    }
    if (cause instanceof CharacterCodingException) {
      return new PuenteException(
          ErrorCode.BAD_INPUT,
          where
              + invalidLine(file, reader.line())
              + ": bytes that are not valid "
              + format.encoding().name()
              + " (is the spec's encoding right? ISO-8859-1 and windows-1252 are common)");
    }
    String message = cause == null ? "unreadable" : cause.getMessage();
    return new PuenteException(ErrorCode.BAD_INPUT, where + reader.line() + ": " + message);
  }

  private long invalidLine(Path file, long fallback) {
    try {
      return EncodingCheck.firstInvalidLine(file, format.encoding());
    } catch (IOException e) {
      return fallback;
    }
  }

  private static PuenteException empty(Path file) {
    return new PuenteException(
        ErrorCode.BAD_INPUT, "file " + file.getFileName() + " is empty: no header line");
  }

  private static Reader decoder(InputStream in, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(in, decoder);
  }

  /** Skips EF BB BF at the start; the stream must support mark. */
  static void skipByteOrderMark(InputStream in) throws IOException {
    in.mark(3);
    byte[] head = in.readNBytes(3);
    boolean bom =
        head.length == 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    if (!bom) {
      in.reset();
    }
  }
}
