package org.puente.sdc;

/**
 * Union-find over the suppressed cells: two suppressed cells sharing a relation are in one
 * component, and components are independent linear programs.
 */
final class Components {

  private Components() {}

  /** Per cell, the component of a suppressed cell (named by its smallest cell), else -1. */
  static int[] of(CountTable table, Relations relations, boolean[] suppressed) {
    int cellCount = table.cellCount();
    int[] parent = new int[cellCount];
    for (int cell = 0; cell < cellCount; cell++) {
      parent[cell] = cell;
    }
    for (int relation = 0; relation < relations.count(); relation++) {
      int first = -1;
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        if (suppressed[cell]) {
          if (first < 0) {
            first = cell;
          } else {
            union(parent, first, cell);
          }
        }
      }
    }
    int[] componentOf = new int[cellCount];
    for (int cell = 0; cell < cellCount; cell++) {
      componentOf[cell] = suppressed[cell] ? find(parent, cell) : -1;
    }
    return componentOf;
  }

  private static int find(int[] parent, int cell) {
    int root = cell;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[cell] != root) {
      int next = parent[cell];
      parent[cell] = root;
      cell = next;
    }
    return root;
  }

  private static void union(int[] parent, int left, int right) {
    int leftRoot = find(parent, left);
    int rightRoot = find(parent, right);
    if (leftRoot != rightRoot) {
      // The smaller index becomes the root: deterministic, independent of relation order.
      parent[Math.max(leftRoot, rightRoot)] = Math.min(leftRoot, rightRoot);
    }
  }
}
