package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.sdc.CellStatus;

/**
 * A table as it may leave the node: each non-zero cell of every level with its published value
 * (empty when suppressed) and status, and the metadata that says what was counted and how it was
 * protected. Cells not listed are zero.
 *
 * @param cube the cube
 * @param dimensions the table's dimensions (the slice, when there is one, is the period)
 * @param sliced whether each period is a separate slice (distinct travellers, stocks)
 * @param rows the cells
 * @param metadata what, from which run, how protected, the audit's result
 */
public record PublishedTable(
    CubeDefinition cube,
    List<Dimension> dimensions,
    boolean sliced,
    List<Row> rows,
    Map<String, String> metadata) {

  public PublishedTable {
    requireNonNull(cube, "cube is null");
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    rows = List.copyOf(requireNonNull(rows, "rows is null"));
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }

  /**
   * One cell.
   *
   * @param slice the period of a sliced table, else {@code _T}
   * @param codes the code of each dimension
   * @param value the published value; empty when suppressed
   * @param status how the value was protected
   */
  public record Row(String slice, List<String> codes, OptionalLong value, CellStatus status) {
    public Row {
      requireNonNull(slice, "slice is null");
      codes = List.copyOf(requireNonNull(codes, "codes is null"));
      requireNonNull(value, "value is null");
      requireNonNull(status, "status is null");
    }
  }
}
