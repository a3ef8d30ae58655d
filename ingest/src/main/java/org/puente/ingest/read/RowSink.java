package org.puente.ingest.read;

import java.util.List;

/** Receives the rows of one export, in file order, from a reader. */
public interface RowSink {

  /** The header as found, once, before any row. */
  void header(List<String> columns);

  /**
   * A data row.
   *
   * @param line the row's line (CSV, JSON lines) or row number (XLSX), 1-based
   * @param projected the values of the columns the spec reads, in {@code MappingSpec.columns()}
   *     order
   * @param original every value of the row, in header order (kept encrypted if the row is rejected,
   *     so that it can be corrected and resubmitted)
   */
  void row(long line, String[] projected, List<String> original);

  /**
   * A row that cannot be read as a record at all (wrong number of fields, invalid JSON). It is
   * rejected with this reason, never dropped.
   */
  void malformed(long line, String reason, List<String> original);

  /** A trailing totals row recognised by the spec's footer rule: not a record. */
  void footer(long line);
}
