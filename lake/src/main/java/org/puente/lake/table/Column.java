package org.puente.lake.table;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One column of a lake table. Names are lower-case identifiers, so that they can be written into
 * SQL and Parquet schemas without quoting surprises.
 *
 * @param name lower-case letters, digits and underscores, starting with a letter or underscore
 * @param type the column's type
 */
public record Column(String name, ColumnType type) {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    if (!isIdentifier(name)) {
      throw new IllegalArgumentException(
          "column name must be a lower-case identifier ([a-z_][a-z0-9_]*, at most 63): " + name);
    }
  }

  /** Whether {@code name} is a lower-case identifier, safe in SQL without escaping. */
  public static boolean isIdentifier(String name) {
    return NAME.matcher(name).matches();
  }

  /** The name in double quotes, for SQL. */
  public String quotedName() {
    return '"' + name + '"';
  }
}
