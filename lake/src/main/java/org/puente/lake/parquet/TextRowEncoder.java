package org.puente.lake.parquet;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.puente.lake.table.ColumnType;

/**
 * Writes rows as the CSV dialect that {@link CsvToParquet} reads back exactly: comma-separated,
 * every string in double quotes (a quote doubled inside), a null as nothing at all, dates and
 * date-times in ISO form. Quoting every string is what keeps an empty string apart from a null.
 */
final class TextRowEncoder {

  private final ColumnType[] types;
  private final String[] names;

  TextRowEncoder(ColumnType[] types, String[] names) {
    this.types = types;
    this.names = names;
  }

  void write(Writer out, Object[] row) throws IOException {
    for (int i = 0; i < types.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      Object value = row[i];
      if (value == null) {
        continue;
      }
      try {
        switch (types[i]) {
          case VARCHAR -> writeQuoted(out, (String) value);
          case INTEGER -> out.write(Integer.toString((Integer) value));
          case BIGINT -> out.write(Long.toString((Long) value));
          case DATE -> writeDate(out, (LocalDate) value);
          case TIMESTAMP -> writeTimestamp(out, (LocalDateTime) value);
          case BOOLEAN -> out.write((Boolean) value ? "true" : "false");
        }
      } catch (ClassCastException e) {
        // The message names the column and the Java type, never the value: it may be personal.
        throw new IllegalArgumentException(
            "column "
                + names[i]
                + " expects "
                + types[i].javaType().getSimpleName()
                + ", got "
                + value.getClass().getSimpleName(),
            e);
      }
    }
    out.write('\n');
  }

  private static void writeQuoted(Writer out, String value) throws IOException {
    out.write('"');
    int from = 0;
    for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
      out.write(value, from, quote + 1 - from);
      out.write('"');
      from = quote + 1;
    }
    out.write(value, from, value.length() - from);
    out.write('"');
  }

  private static void writeDate(Writer out, LocalDate date) throws IOException {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      out.write(date.toString());
      return;
    }
    char[] text = new char[10];
    fourDigits(text, 0, year);
    text[4] = '-';
    twoDigits(text, 5, date.getMonthValue());
    text[7] = '-';
    twoDigits(text, 8, date.getDayOfMonth());
    out.write(text);
  }

  private static void writeTimestamp(Writer out, LocalDateTime dateTime) throws IOException {
    writeDate(out, dateTime.toLocalDate());
    char[] text = new char[9];
    text[0] = ' ';
    twoDigits(text, 1, dateTime.getHour());
    text[3] = ':';
    twoDigits(text, 4, dateTime.getMinute());
    text[6] = ':';
    twoDigits(text, 7, dateTime.getSecond());
    out.write(text);
    int nanos = dateTime.getNano();
    if (nanos != 0) {
      // DuckDB keeps microseconds.
      out.write('.');
      String micros = Integer.toString(1_000_000 + nanos / 1_000);
      out.write(micros, 1, 6);
    }
  }

  private static void fourDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 1000);
    text[at + 1] = (char) ('0' + value / 100 % 10);
    text[at + 2] = (char) ('0' + value / 10 % 10);
    text[at + 3] = (char) ('0' + value % 10);
  }

  private static void twoDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }
}
