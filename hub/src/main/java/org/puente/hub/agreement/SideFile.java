package org.puente.hub.agreement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;

/**
 * Reads one side's CSV as a node's {@code /api/exchange/agreements/{id}/tokens} answers it: the
 * header {@code event_date,<field column>…} of the agreement exactly, then one row per record. A
 * row that does not fit is BAD_INPUT naming the line (never its content: tokens are pseudonyms).
 */
public final class SideFile {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

  private SideFile() {}

  /** The rows of {@code in}, read lazily; the caller closes {@code in}. */
  public static Iterator<SideRow> rows(Agreement agreement, Reader in, String name) {
    BufferedReader lines = new BufferedReader(in, 1 << 16);
    List<String> expected = new ArrayList<>();
    expected.add("event_date");
    agreement.fields().forEach(field -> expected.add(field.column()));
    String header = readLine(lines, name);
    if (header == null || !header.strip().equals(String.join(",", expected))) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT,
          name
              + ": the header must be "
              + String.join(",", expected)
              + " (the fields of agreement "
              + agreement.id()
              + ")");
    }
    int fields = agreement.fields().size();
    return new Iterator<>() {
      private long lineNumber = 1;
      private String next = advance();

      private String advance() {
        String line;
        do {
          line = readLine(lines, name);
          lineNumber++;
        } while (line != null && line.isBlank());
        return line;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public SideRow next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        SideRow row = parse(next.strip(), fields, lineNumber, name);
        next = advance();
        return row;
      }
    };
  }

  private static SideRow parse(String line, int fields, long lineNumber, String name) {
    String[] parts = line.split(",", -1);
    if (parts.length != fields + 1) {
      throw bad(name, lineNumber, "expected " + (fields + 1) + " columns, not " + parts.length);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(parts[0]);
    } catch (DateTimeParseException e) {
      throw bad(name, lineNumber, "event_date is not a yyyy-MM-dd date");
    }
    String[] tokens = new String[fields];
    for (int i = 0; i < fields; i++) {
      String token = parts[i + 1];
      if (token.isEmpty()) {
        continue;
      }
      if (!TOKEN.matcher(token).matches()) {
        throw bad(name, lineNumber, "column " + (i + 2) + " is not a per-agreement token");
      }
      tokens[i] = token;
    }
    return new SideRow(date, tokens);
  }

  private static String readLine(BufferedReader lines, String name) {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static PuenteException bad(String name, long line, String why) {
    return new PuenteException(ErrorCode.BAD_INPUT, name + " line " + line + ": " + why);
  }
}
