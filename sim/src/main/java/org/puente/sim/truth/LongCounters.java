package org.puente.sim.truth;

import java.util.function.BiConsumer;

/**
 * Counters under {@code long} keys in an open-addressing table: the simulator adds to them for
 * every crossing, and boxed keys in a {@code HashMap} cost more than the rest of the work.
 */
final class LongCounters {

  private final int width;
  private long[] keys;
  private long[][] values;
  private int size;

  LongCounters(int width) {
    this.width = width;
    this.keys = new long[1 << 12];
    this.values = new long[1 << 12][];
  }

  /** The counters of a key, created at zero when new. */
  long[] get(long key) {
    int mask = keys.length - 1;
    int slot = (int) (mix(key) & mask);
    while (values[slot] != null) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    if (size + 1 > keys.length / 2) {
      grow();
      return get(key);
    }
    keys[slot] = key;
    values[slot] = new long[width];
    size++;
    return values[slot];
  }

  void forEach(BiConsumer<Long, long[]> action) {
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[][] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2][];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        long[] target = get(oldKeys[i]);
        System.arraycopy(oldValues[i], 0, target, 0, width);
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    return z ^ (z >>> 33);
  }
}
