package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cell of a cube, or a sum of cells: the cube's name and, for each dimension named, the codes
 * to add up. A dimension not named means its total.
 *
 * @param cube the cube's name, e.g. {@code migrant_arrivals}
 * @param where dimension name to the codes summed over, e.g. {@code age -> [Y0, ..., Y17]}
 */
public record CellRef(String cube, Map<String, List<String>> where) {

  public CellRef {
    requireNonNull(cube, "cube is null");
    requireNonNull(where, "where is null");
    if (cube.isBlank()) {
      throw new IllegalArgumentException("cube is blank");
    }
    // Sorted by dimension so that equal references are equal maps and print the same.
    Map<String, List<String>> copy = new TreeMap<>();
    for (Map.Entry<String, List<String>> entry : where.entrySet()) {
      requireNonNull(entry.getKey(), "a dimension name is null");
      List<String> codes = List.copyOf(requireNonNull(entry.getValue(), "codes are null"));
      if (codes.isEmpty()) {
        throw new IllegalArgumentException("no codes for dimension " + entry.getKey());
      }
      copy.put(entry.getKey(), codes);
    }
    where = Collections.unmodifiableMap(copy);
  }

  /** The total of a cube over every dimension. */
  public static CellRef of(String cube) {
    return new CellRef(cube, Map.of());
  }

  /** This reference with {@code dimension} restricted to {@code codes} (replacing any earlier). */
  public CellRef with(String dimension, String... codes) {
    return with(dimension, List.of(codes));
  }

  /** This reference with {@code dimension} restricted to {@code codes} (replacing any earlier). */
  public CellRef with(String dimension, List<String> codes) {
    Map<String, List<String>> copy = new LinkedHashMap<>(where);
    copy.put(dimension, new ArrayList<>(codes));
    return new CellRef(cube, copy);
  }
}
