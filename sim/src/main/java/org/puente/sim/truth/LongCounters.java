package org.puente.sim.truth;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Counters under {@code long} keys in an open-addressing table: the simulator adds to them for
 * every crossing, and boxed keys in a {@code HashMap} cost more than the rest of the work. The
 * counters of all keys sit in one flat array ({@code width} per slot), so an update touches two
 * cache lines, the key and its counters.
 */
final class LongCounters {

  private static final long EMPTY = Long.MIN_VALUE;

  private final int width;
  private long[] keys;
  private long[] counts;
  private int size;

  LongCounters(int width) {
    this.width = width;
    allocate(1 << 12);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    counts = new long[capacity * width];
    size = 0;
  }

  /**
   * The offset of a key's counters in {@link #counts()}, created at zero when new. Keys must not be
   * {@code Long.MIN_VALUE}.
   */
  int offset(long key) {
    int mask = keys.length - 1;
    int slot = (int) (mix(key) & mask);
    long found;
    while ((found = keys[slot]) != EMPTY) {
      if (found == key) {
        return slot * width;
      }
      slot = (slot + 1) & mask;
    }
    if (size + 1 > keys.length / 2) {
      grow();
      return offset(key);
    }
    keys[slot] = key;
    size++;
    return slot * width;
  }

  /** The counters; a key's are {@code width} values from its {@link #offset(long)}. */
  long[] counts() {
    return counts;
  }

  /** Adds {@code values} to the counters of {@code key}. */
  void add(long key, long[] values) {
    int at = offset(key);
    for (int i = 0; i < width; i++) {
      counts[at + i] += values[i];
    }
  }

  /** Calls {@code action} with every key and a copy of its counters. */
  void forEach(BiConsumer<Long, long[]> action) {
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        action.accept(keys[slot], Arrays.copyOfRange(counts, slot * width, (slot + 1) * width));
      }
    }
  }

  /** The keys, in table order. */
  long[] keys() {
    long[] result = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        result[n++] = key;
      }
    }
    return result;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    allocate(oldKeys.length * 2);
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldKeys[slot] != EMPTY) {
        int at = offset(oldKeys[slot]);
        System.arraycopy(oldCounts, slot * width, counts, at, width);
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    return z ^ (z >>> 33);
  }
}
