package org.puente.sdc;

/**
 * Every additive relation of a table: for each dimension and each cell whose code in that dimension
 * is a non-leaf, that cell (the total) equals the sum of the cells with the code's children in its
 * place. Together they cover every margin and every hierarchy level.
 *
 * <p>Stored flat: relation r's cells are {@code cells[start[r]..start[r+1])}, its total first;
 * {@code byCell} lists, per cell, the relations it is in (as total or as part).
 */
final class Relations {

  private final int[] start;
  private final int[] cells;
  private final int[] cellStart;
  private final int[] byCell;

  private Relations(int[] start, int[] cells, int[] cellStart, int[] byCell) {
    this.start = start;
    this.cells = cells;
    this.cellStart = cellStart;
    this.byCell = byCell;
  }

  static Relations of(CountTable table) {
    int dimensions = table.dimensions().size();
    int cellCount = table.cellCount();
    int relationCount = 0;
    long entryCount = 0;
    for (int cell = 0; cell < cellCount; cell++) {
      for (int dimension = 0; dimension < dimensions; dimension++) {
        Hierarchy hierarchy = table.dimensions().get(dimension);
        int code = table.coordinate(cell, dimension);
        if (!hierarchy.leaf(code)) {
          relationCount++;
          entryCount += 1 + hierarchy.childCount(code);
        }
      }
    }
    int[] start = new int[relationCount + 1];
    int[] cells = new int[Math.toIntExact(entryCount)];
    int[] perCell = new int[cellCount + 1];
    int relation = 0;
    int position = 0;
    for (int cell = 0; cell < cellCount; cell++) {
      for (int dimension = 0; dimension < dimensions; dimension++) {
        Hierarchy hierarchy = table.dimensions().get(dimension);
        int code = table.coordinate(cell, dimension);
        if (!hierarchy.leaf(code)) {
          start[relation++] = position;
          cells[position++] = cell;
          perCell[cell]++;
          int stride = table.stride(dimension);
          for (int child = 0; child < hierarchy.childCount(code); child++) {
            int part = cell + (hierarchy.child(code, child) - code) * stride;
            cells[position++] = part;
            perCell[part]++;
          }
        }
      }
    }
    start[relationCount] = position;
    int[] cellStart = new int[cellCount + 1];
    for (int cell = 0; cell < cellCount; cell++) {
      cellStart[cell + 1] = cellStart[cell] + perCell[cell];
    }
    int[] byCell = new int[cellStart[cellCount]];
    int[] fill = new int[cellCount];
    for (int r = 0; r < relationCount; r++) {
      for (int entry = start[r]; entry < start[r + 1]; entry++) {
        int cell = cells[entry];
        byCell[cellStart[cell] + fill[cell]++] = r;
      }
    }
    return new Relations(start, cells, cellStart, byCell);
  }

  int count() {
    return start.length - 1;
  }

  int size(int relation) {
    return start[relation + 1] - start[relation];
  }

  /** The cell at a position of a relation; position 0 is the total. */
  int cell(int relation, int position) {
    return cells[start[relation] + position];
  }

  int relationCount(int cell) {
    return cellStart[cell + 1] - cellStart[cell];
  }

  int relation(int cell, int position) {
    return byCell[cellStart[cell] + position];
  }
}
