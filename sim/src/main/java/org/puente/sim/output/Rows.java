package org.puente.sim.output;

/** Text encodings of rows: CSV quoting and JSON strings. */
public final class Rows {

  private Rows() {}

  /** A CSV value, quoted when it holds the delimiter, a quote or a line break. */
  public static String csvValue(String value, char delimiter) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  public static String csvLine(String[] values, char delimiter) {
    StringBuilder line = new StringBuilder(160);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(delimiter);
      }
      line.append(csvValue(values[i], delimiter));
    }
    return line.toString();
  }

  /** Text of a CSV row around the id column: before it (with its delimiter) and after it. */
  public static String[] csvAround(String[] cells, int idIndex, char delimiter) {
    StringBuilder before = new StringBuilder(80);
    for (int i = 0; i < idIndex; i++) {
      before.append(csvValue(cells[i], delimiter)).append(delimiter);
    }
    StringBuilder after = new StringBuilder(120);
    for (int i = idIndex + 1; i < cells.length; i++) {
      after.append(delimiter).append(csvValue(cells[i], delimiter));
    }
    after.append('\n');
    return new String[] {before.toString(), after.toString()};
  }

  /** Text of a JSON-lines object around the id value. */
  public static String[] jsonAround(String[] columns, String[] cells, int idIndex) {
    StringBuilder before = new StringBuilder(200);
    StringBuilder after = new StringBuilder(200);
    before.append('{');
    for (int i = 0; i < cells.length; i++) {
      StringBuilder target = i <= idIndex ? before : after;
      if (i > 0) {
        target.append(',');
      }
      target.append(jsonString(columns[i])).append(':');
      if (i != idIndex) {
        target.append(cells[i].isEmpty() ? "null" : jsonString(cells[i]));
      }
    }
    after.append("}\n");
    return new String[] {before.toString(), after.toString()};
  }

  public static String jsonString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
