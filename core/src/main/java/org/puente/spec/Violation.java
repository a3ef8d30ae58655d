package org.puente.spec;

import static java.util.Objects.requireNonNull;

/**
 * Why a row was rejected: the column(s) read, the variable, and a reason that never repeats a
 * personal identifier's value.
 */
public record Violation(String column, String variable, String reason) {

  public Violation {
    requireNonNull(column, "column is null");
    requireNonNull(variable, "variable is null");
    requireNonNull(reason, "reason is null");
  }

  @Override
  public String toString() {
    return (column.isEmpty() ? variable : column + " (" + variable + ")") + ": " + reason;
  }
}
