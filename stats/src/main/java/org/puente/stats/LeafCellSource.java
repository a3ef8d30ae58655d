package org.puente.stats;

import org.puente.cube.CubeDefinition;

/**
 * Where a table's leaf cells come from: the DuckDB cube store ({@link CubeQuery}) or another engine
 * computing the same facts (Spark's {@code SparkCubes}). {@link Tables} assembles and protects what
 * any source answers, so every engine publishes through the same code.
 */
public interface LeafCellSource {

  /**
   * The non-empty leaf cells of {@code request} over {@code cube}, per slice, with each cell's two
   * largest single-traveller contributions and its sum of record keys.
   */
  LeafCells leafCells(CubeDefinition cube, TableRequest request);
}
