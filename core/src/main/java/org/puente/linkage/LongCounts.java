package org.puente.linkage;

/**
 * Counts per 64-bit key without boxing: open addressing with linear probing. Key 0 is never stored
 * (it means absent everywhere in linkage). Not thread-safe while written; read-only afterwards.
 */
final class LongCounts {

  private long[] keys;
  private int[] counts;
  private int size;

  LongCounts(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3)) << 1;
    keys = new long[capacity];
    counts = new int[capacity];
  }

  void add(long key) {
    if (key == 0) {
      return;
    }
    // At most three quarters full (hppc's default): a name set a person is the largest table of a
    // country's linkage, about 16 to 32 bytes a distinct value where half full took 24 to 48.
    if (4L * (size + 1) > 3L * keys.length) {
      grow();
    }
    int slot = slot(key, keys.length);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & (keys.length - 1);
    }
    if (keys[slot] == 0) {
      keys[slot] = key;
      size++;
    }
    counts[slot]++;
  }

  int count(long key) {
    if (key == 0) {
      return 0;
    }
    int slot = slot(key, keys.length);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        return counts[slot];
      }
      slot = (slot + 1) & (keys.length - 1);
    }
    return 0;
  }

  /** The counts of the keys present, in no particular order. */
  int[] counts() {
    int[] values = new int[size];
    int k = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        values[k++] = counts[i];
      }
    }
    return values;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i], keys.length);
        while (keys[slot] != 0) {
          slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  private static int slot(long key, int capacity) {
    // Token digests are already uniform; the multiply spreads keys made by tests by hand too.
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & (capacity - 1);
  }
}
