package org.puente.linkage;

import com.carrotsearch.hppc.sorting.IndirectSort;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only map from record id to record id held as two sorted primitive arrays: 16 bytes an
 * entry, where a {@code HashMap<Long, Long>} takes about 80. Linkage maps every record of a country
 * (millions) to its cluster, so this is what keeps that map within the heap. Lookups are binary
 * searches; iteration is in ascending key order. It is a {@link Map} so that callers compare and
 * read it as any other.
 */
public final class IdMap extends AbstractMap<Long, Long> {

  private final long[] keys;
  private final long[] values;

  private IdMap(long[] keys, long[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * The map of {@code keys[i] → values[i]} for the first {@code size} entries; the arrays are not
   * kept. Keys must be distinct.
   */
  public static IdMap of(long[] keys, long[] values, int size) {
    if (size < 0 || size > keys.length || size > values.length) {
      throw new IllegalArgumentException("size " + size + " does not fit the arrays");
    }
    return ofOwned(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
  }

  /**
   * The map of {@code keys[i] → values[i]}, taking the arrays (of one length, keys distinct): they
   * are sorted in place and kept, not copied. A country's linkage hands over its millions of record
   * and cluster ids so, where {@link #of} would hold them twice while sorting.
   */
  public static IdMap ofOwned(long[] keys, long[] values) {
    if (keys.length != values.length || keys == values) {
      throw new IllegalArgumentException("keys and values must be two arrays of one length");
    }
    int[] order = IndirectSort.mergesort(0, keys.length, (a, b) -> Long.compare(keys[a], keys[b]));
    // Each cycle of the permutation in turn: position j takes what was at order[j]; a done
    // position's order is stored complemented (negative).
    for (int i = 0; i < order.length; i++) {
      if (order[i] < 0) {
        continue;
      }
      long key = keys[i];
      long value = values[i];
      int j = i;
      while (true) {
        int from = order[j];
        order[j] = ~from;
        if (from == i) {
          keys[j] = key;
          values[j] = value;
          break;
        }
        keys[j] = keys[from];
        values[j] = values[from];
        j = from;
      }
    }
    for (int i = 1; i < keys.length; i++) {
      if (keys[i] == keys[i - 1]) {
        throw new IllegalArgumentException("key " + keys[i] + " occurs twice");
      }
    }
    return new IdMap(keys, values);
  }

  /** A copy of {@code map} (its entries; nulls are not allowed). */
  public static IdMap copyOf(Map<Long, Long> map) {
    if (map instanceof IdMap same) {
      return same;
    }
    long[] keys = new long[map.size()];
    long[] values = new long[map.size()];
    int i = 0;
    for (Map.Entry<Long, Long> entry : map.entrySet()) {
      keys[i] = entry.getKey();
      values[i] = entry.getValue();
      i++;
    }
    return of(keys, values, i);
  }

  /** The key at {@code index} in ascending key order ({@code 0 <= index < size()}). */
  public long keyAt(int index) {
    return keys[index];
  }

  /** The value of {@link #keyAt}{@code (index)}. */
  public long valueAt(int index) {
    return values[index];
  }

  /** The value of {@code key}, or {@code missing} when there is none. */
  public long get(long key, long missing) {
    int at = Arrays.binarySearch(keys, key);
    return at >= 0 ? values[at] : missing;
  }

  @Override
  public Long get(Object key) {
    if (!(key instanceof Long id)) {
      return null;
    }
    int at = Arrays.binarySearch(keys, id);
    return at >= 0 ? values[at] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof Long id && Arrays.binarySearch(keys, id) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Set<Map.Entry<Long, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<Long, Long>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<Long, Long> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[at], values[at]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
