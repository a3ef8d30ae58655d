package org.puente.ingest.read;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.spec.SourceFormat;

/**
 * Streams a JSON-lines export: one JSON object per line. A spec's column is a field name, with dots
 * for nested objects ({@code persona.sexo}). A line that is not a JSON object is a malformed row
 * (rejected, kept), not the end of the file.
 */
public final class JsonLinesExportReader implements ExportReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SourceFormat format;
  private final List<String> columns;
  private final String[][] paths;

  public JsonLinesExportReader(SourceFormat format, List<String> columns) {
    this.format = requireNonNull(format, "format is null");
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.paths = new String[this.columns.size()][];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = this.columns.get(i).split("\\.");
    }
  }

  @Override
  public long read(Path file, RowSink sink) {
    String name = file.getFileName().toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CsvExportReader.skipByteOrderMark(in);
      LineGuardReader reader =
          new LineGuardReader(
              new InputStreamReader(
                  in,
                  format
                      .encoding()
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              CsvExportReader.MAX_LINE_LENGTH);
      sink.header(columns);
      int footerIndex = format.footer().map(f -> columns.indexOf(f.column())).orElse(-1);
      long rows = 0;
      long lines = 0;
      StringBuilder line = new StringBuilder();
      try {
        for (long number = reader.line(); readLine(reader, line); number = reader.line()) {
          String text = line.toString().strip();
          if (text.isEmpty()) {
            continue;
          }
          lines++;
          if (number <= format.skipLines()) {
            continue;
          }
          String[] projected = parse(number, text, sink);
          if (projected == null) {
            continue;
          }
          if (footerIndex >= 0 && format.footer().get().matches(projected[footerIndex])) {
            sink.footer(number);
            continue;
          }
          sink.row(number, projected, List.of(text));
          rows++;
        }
      } catch (LineGuardReader.LineTooLongException e) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT,
            "file "
                + name
                + " line "
                + e.line()
                + ": longer than "
                + CsvExportReader.MAX_LINE_LENGTH
                + " characters without a line end");
      } catch (CharacterCodingException e) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT,
            "file "
                + name
                + " line "
                + reader.line()
                + ": bytes that are not valid "
                + format.encoding().name());
      }
      if (lines == 0) {
        throw new PuenteException(ErrorCode.BAD_INPUT, "file " + name + " is empty");
      }
      return rows;
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot read file " + file + ": " + e.getMessage(), e);
    }
  }

  private String[] parse(long number, String text, RowSink sink) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      sink.malformed(number, "not valid JSON: " + e.getOriginalMessage(), List.of(text));
      return null;
    }
    if (node == null || !node.isObject()) {
      sink.malformed(number, "not a JSON object", List.of(text));
      return null;
    }
    String[] projected = new String[paths.length];
    for (int i = 0; i < paths.length; i++) {
      JsonNode value = node;
      for (String part : paths[i]) {
        value = value == null ? null : value.get(part);
      }
      projected[i] =
          value == null || value.isNull()
              ? null
              : value.isValueNode() ? value.asText() : value.toString();
    }
    return projected;
  }

  /** Reads up to the next line end into {@code line}; false at the end of input. */
  private static boolean readLine(LineGuardReader reader, StringBuilder line) throws IOException {
    line.setLength(0);
    int c = reader.read();
    if (c < 0) {
      return false;
    }
    while (c >= 0 && c != '\n') {
      line.append((char) c);
      c = reader.read();
    }
    return true;
  }
}
