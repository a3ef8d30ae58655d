package org.puente.schema;

/** The value type of a regional variable, as it is stored after harmonisation. */
public enum VariableType {
  /** A calendar date (ISO-8601 {@code yyyy-MM-dd}). */
  DATE,
  /** A local date and time to the minute (ISO-8601 {@code yyyy-MM-ddTHH:mm}). */
  DATE_TIME,
  /** A code from a code list (or from an open, node-defined list such as ports). */
  CODE,
  /** A whole number (ages, days). */
  INTEGER,
  /** true or false. */
  BOOLEAN,
  /** Free text; only personal identifiers (names, document numbers) use it. */
  TEXT
}
