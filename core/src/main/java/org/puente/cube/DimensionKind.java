package org.puente.cube;

/** How a dimension's codes roll up to its total ({@link Dimension#TOTAL}). */
public enum DimensionKind {
  /** Month {@code 2024-03} → quarter {@code 2024-Q1} → year {@code 2024} → total. */
  PERIOD,
  /** Single year {@code Y37} → UN five-year group {@code Y35T39} → total; {@code _U} unknown. */
  AGE,
  /** ISO alpha-3 → M49 intermediate region → sub-region → region → total. */
  COUNTRY,
  /** Port of entry or exit → its reporting country → that country's M49 groups → total. */
  PORT,
  /** A code list's codes under the total, through the list's own parents when it has them. */
  CODE,
  /** {@code true} / {@code false} under the total. */
  FLAG
}
