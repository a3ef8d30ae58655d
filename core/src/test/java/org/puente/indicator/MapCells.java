package org.puente.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made cube: cell references to counts, filled by the test. Strict: reading a reference no
 * test put in fails, so a wrongly resolved reference (a period not shifted, a code lost) cannot
 * pass as a zero.
 */
final class MapCells implements CellSource {

  private final Map<CellRef, Long> cells = new HashMap<>();
  private final Map<String, String> group;

  /** Cells of {@code group}: each reference put gets the group's codes added. */
  MapCells(Map<String, String> group) {
    this.group = group;
  }

  MapCells put(CellRef ref, long value) {
    CellRef full = ref;
    for (Map.Entry<String, String> code : group.entrySet()) {
      if (!full.where().containsKey(code.getKey())) {
        full = full.with(code.getKey(), code.getValue());
      }
    }
    cells.put(full, value);
    return this;
  }

  @Override
  public long value(CellRef ref) {
    Long value = cells.get(ref);
    if (value == null) {
      throw new AssertionError("the test has no cell " + ref + "; it has " + cells.keySet());
    }
    return value;
  }

  /** Single-year age codes Y{low} to Y{high}. */
  static List<String> ages(int low, int high) {
    List<String> codes = new ArrayList<>();
    for (int age = low; age <= high; age++) {
      codes.add("Y" + age);
    }
    return codes;
  }
}
