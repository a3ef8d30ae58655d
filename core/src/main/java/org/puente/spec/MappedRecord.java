package org.puente.spec;

import static java.util.Objects.requireNonNull;

/**
 * One row of an export mapped to the regional variables, before pseudonymisation. It holds clear
 * identifiers: it lives only between the reader and the tokeniser, never stored.
 *
 * @param line the row's line (CSV, JSON lines) or row number (XLSX) in the file, 1-based
 * @param recordId the source's own record reference
 * @param layout what each position of {@code values} means
 * @param values typed values ({@code null} where absent), aligned with {@code layout}
 */
public record MappedRecord(long line, String recordId, RecordLayout layout, Object[] values) {

  public MappedRecord {
    requireNonNull(recordId, "recordId is null");
    requireNonNull(layout, "layout is null");
    requireNonNull(values, "values is null");
    if (values.length != layout.size()) {
      throw new IllegalArgumentException("values do not match the layout");
    }
  }

  /** The value of a variable, or null when absent or not carried by this kind. */
  public Object value(String variable) {
    int position = layout.position(variable);
    return position < 0 ? null : values[position];
  }

  @Override
  public String toString() {
    // Never print values: they include clear identifiers.
    return "MappedRecord[line=" + line + ", kind=" + layout.kind() + "]";
  }
}
