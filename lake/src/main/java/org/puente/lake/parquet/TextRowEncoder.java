package org.puente.lake.parquet;

import java.io.IOException;
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

  void write(ByteSink out, Object[] row) throws IOException {
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
          case VARCHAR -> out.writeQuoted((String) value);
          case INTEGER -> out.writeLong((Integer) value);
          case BIGINT -> out.writeLong((Long) value);
          case DATE -> writeDate(out, (LocalDate) value);
          case TIMESTAMP -> writeTimestamp(out, (LocalDateTime) value);
          case BOOLEAN -> out.writeAscii((Boolean) value ? "true" : "false");
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

  private static void writeDate(ByteSink out, LocalDate date) throws IOException {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      out.writeAscii(date.toString());
      return;
    }
    out.writeDigits(year, 4);
    out.write('-');
    out.writeDigits(date.getMonthValue(), 2);
    out.write('-');
    out.writeDigits(date.getDayOfMonth(), 2);
  }

  private static void writeTimestamp(ByteSink out, LocalDateTime dateTime) throws IOException {
    writeDate(out, dateTime.toLocalDate());
    out.write(' ');
    out.writeDigits(dateTime.getHour(), 2);
    out.write(':');
    out.writeDigits(dateTime.getMinute(), 2);
    out.write(':');
    out.writeDigits(dateTime.getSecond(), 2);
    int nanos = dateTime.getNano();
    if (nanos != 0) {
      // DuckDB keeps microseconds.
      out.write('.');
      out.writeDigits(nanos / 1_000, 6);
    }
  }
}
