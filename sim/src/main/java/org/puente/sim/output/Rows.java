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
