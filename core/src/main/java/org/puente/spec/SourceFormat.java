package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * How an export file is laid out.
 *
 * @param kind CSV, XLSX or JSON lines
 * @param encoding character set of CSV and JSON-lines files (XLSX is always UTF-8 inside)
 * @param delimiter CSV field delimiter
 * @param quote CSV quote character
 * @param skipLines lines (CSV) or rows (XLSX) above the header, such as a title line
 * @param sheet XLSX sheet name; empty means the first sheet
 * @param footer trailing rows that are totals, not records
 */
public record SourceFormat(
    Kind kind,
    Charset encoding,
    char delimiter,
    char quote,
    int skipLines,
    Optional<String> sheet,
    Optional<FooterRule> footer) {

  /** The file formats a spec can describe. */
  public enum Kind {
    CSV,
    XLSX,
    JSONL
  }

  public SourceFormat {
    requireNonNull(kind, "kind is null");
    requireNonNull(encoding, "encoding is null");
    requireNonNull(sheet, "sheet is null");
    requireNonNull(footer, "footer is null");
    if (skipLines < 0) {
      throw new IllegalArgumentException("skipLines is negative");
    }
  }
}
