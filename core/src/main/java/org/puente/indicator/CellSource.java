package org.puente.indicator;

/**
 * Where indicators read their counts: the cube engine, or a table in a test. A reference that names
 * several codes of a dimension is the sum of those cells; a cell with no records is 0.
 */
@FunctionalInterface
public interface CellSource {

  /** The count of {@code ref}: 0 when no record falls in it. */
  long value(CellRef ref);
}
