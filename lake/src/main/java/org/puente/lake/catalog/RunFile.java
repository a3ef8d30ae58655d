package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import org.puente.lake.table.Column;

/**
 * One output file of a derivation run.
 *
 * @param tableName which output it belongs to, a lower-case identifier such as {@code crossings}
 * @param file where it is and what partition it holds
 */
public record RunFile(String tableName, LakeFile file) {

  public RunFile {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(file, "file is null");
    if (!Column.isIdentifier(tableName)) {
      throw new IllegalArgumentException("table name must be a lower-case identifier");
    }
  }
}
