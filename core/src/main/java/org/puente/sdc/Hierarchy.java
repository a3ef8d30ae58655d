package org.puente.sdc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dimension of a table: codes in a tree whose root is the total (e.g. {@code _T}).
 *
 * <p>Indexes are positions in the order the codes were added, the root first; a parent always comes
 * before its children, so a walk from the last index down to 0 visits children before parents.
 */
public final class Hierarchy {

  private final String dimension;
  private final List<String> codes;
  private final Map<String, Integer> indexes;
  private final int[] parents;
  private final int[][] children;
  private final int[] depths;

  private Hierarchy(String dimension, List<String> codes, List<Integer> parentList) {
    this.dimension = dimension;
    this.codes = List.copyOf(codes);
    this.indexes = new HashMap<>();
    for (int index = 0; index < codes.size(); index++) {
      indexes.put(codes.get(index), index);
    }
    int size = codes.size();
    this.parents = new int[size];
    this.depths = new int[size];
    List<List<Integer>> childLists = new ArrayList<>();
    for (int index = 0; index < size; index++) {
      parents[index] = parentList.get(index);
      depths[index] = parents[index] < 0 ? 0 : depths[parents[index]] + 1;
      childLists.add(new ArrayList<>());
      if (parents[index] >= 0) {
        childLists.get(parents[index]).add(index);
      }
    }
    this.children = new int[size][];
    for (int index = 0; index < size; index++) {
      children[index] = childLists.get(index).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** A hierarchy built code by code from its total. */
  public static Builder builder(String dimension, String totalCode) {
    return new Builder(dimension, totalCode);
  }

  /** A one-level hierarchy: the total and its leaves. */
  public static Hierarchy flat(String dimension, String totalCode, List<String> leafCodes) {
    Builder builder = builder(dimension, totalCode);
    for (String leaf : requireNonNull(leafCodes, "leafCodes is null")) {
      builder.child(totalCode, leaf);
    }
    return builder.build();
  }

  public String dimension() {
    return dimension;
  }

  public String totalCode() {
    return codes.get(0);
  }

  /** The number of codes, every level included. */
  public int size() {
    return codes.size();
  }

  public String code(int index) {
    return codes.get(index);
  }

  /** The index of a code, or -1 if the hierarchy has no such code. */
  public int index(String code) {
    Integer index = indexes.get(code);
    return index == null ? -1 : index;
  }

  /** The parent's index, or -1 for the root. */
  public int parent(int index) {
    return parents[index];
  }

  /** The children's indexes (a copy). */
  public int[] children(int index) {
    return children[index].clone();
  }

  int childCount(int index) {
    return children[index].length;
  }

  int child(int index, int position) {
    return children[index][position];
  }

  public boolean leaf(int index) {
    return children[index].length == 0;
  }

  /** 0 for the root. */
  public int depth(int index) {
    return depths[index];
  }

  @Override
  public String toString() {
    return "Hierarchy[" + dimension + ", " + codes.size() + " codes]";
  }

  /** Adds codes under existing parents; codes are unique within the dimension. */
  public static final class Builder {
    private final String dimension;
    private final List<String> codes = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();

    private Builder(String dimension, String totalCode) {
      this.dimension = requireNonNull(dimension, "dimension is null");
      add(requireNonNull(totalCode, "totalCode is null"), -1);
    }

    public Builder child(String parentCode, String code) {
      requireNonNull(parentCode, "parentCode is null");
      requireNonNull(code, "code is null");
      Integer parent = indexes.get(parentCode);
      if (parent == null) {
        throw new IllegalArgumentException(
            "dimension " + dimension + ": parent " + parentCode + " of " + code + " not added yet");
      }
      add(code, parent);
      return this;
    }

    private void add(String code, int parent) {
      if (code.isBlank()) {
        throw new IllegalArgumentException("dimension " + dimension + ": blank code");
      }
      if (indexes.putIfAbsent(code, codes.size()) != null) {
        throw new IllegalArgumentException("dimension " + dimension + ": duplicate code " + code);
      }
      codes.add(code);
      parents.add(parent);
    }

    public Hierarchy build() {
      return new Hierarchy(dimension, codes, parents);
    }
  }
}
