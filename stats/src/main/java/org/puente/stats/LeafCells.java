package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;

/**
 * The answer of the cube store to a table request, before hierarchies and protection: per slice
 * (one for a cube whose periods add up; one per period for a cube of slices), the non-empty leaf
 * cells.
 *
 * @param cube the cube
 * @param dimensions the table's dimensions, in order (for a cube of slices, without the period)
 * @param slices slice code (the period, or {@code _T} when the table has one slice) → its cells
 * @param portCountry each port seen → its reporting country (the port's parent)
 * @param slicedByPeriod whether each period is its own slice (else the one slice is {@code _T})
 */
public record LeafCells(
    CubeDefinition cube,
    List<Dimension> dimensions,
    Map<String, List<Cell>> slices,
    Map<String, String> portCountry,
    boolean slicedByPeriod) {

  public LeafCells {
    requireNonNull(cube, "cube is null");
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    slices =
        java.util.Collections.unmodifiableMap(
            new java.util.TreeMap<>(requireNonNull(slices, "slices is null")));
    portCountry = Map.copyOf(requireNonNull(portCountry, "portCountry is null"));
  }

  /**
   * One leaf cell.
   *
   * @param codes the leaf code of each dimension
   * @param value the count
   * @param top1 the largest count one traveller contributes
   * @param top2 the second largest
   * @param keySum the sum of the records' keys (the cell key is its fractional part)
   */
  public record Cell(List<String> codes, long value, long top1, long top2, double keySum) {
    public Cell {
      codes = List.copyOf(requireNonNull(codes, "codes is null"));
    }
  }
}
