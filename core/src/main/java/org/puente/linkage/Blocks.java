package org.puente.linkage;

import java.util.Arrays;

/**
 * The blocks of the records seen so far, filled in processing order: for each blocking key, the
 * indices of the records that carry it, ascending. {@link #candidates} gives a record's earlier
 * candidates before the record is {@link #add}ed, so every decision depends only on earlier
 * records.
 *
 * <p>Each record is compared with at most {@code maxComparisons} of the most recent earlier members
 * of each block (the window of sorted-neighbourhood blocking, applied only where a block is that
 * large); a block that grows past it is counted once as oversize, and every record that met a
 * truncated block is counted too. Cost is then at most {@code keys · maxComparisons} comparisons a
 * record, whatever the data. Pairs that share several keys are returned once.
 */
final class Blocks {

  private final int maxComparisons;
  private long[] keys;
  private int[][] members;
  private int[] sizes;
  private int used;

  /** stamp[j] == i + 1 when record j is already a candidate of record i. */
  private int[] stamp;

  private long oversizeBlocks;
  private long truncatedRecords;
  private int largestBlock;

  Blocks(int records, int maxComparisons) {
    this.maxComparisons = maxComparisons;
    int capacity = Integer.highestOneBit(Math.max(16, records * 2 - 1)) << 1;
    keys = new long[capacity];
    members = new int[capacity][];
    sizes = new int[capacity];
    stamp = new int[Math.max(1, records)];
  }

  /**
   * Writes the distinct earlier candidates of record {@code index} (not yet added) into {@code
   * out}, which must have room, and returns how many there are, in no particular order.
   */
  int candidates(int index, long[] recordKeys, int[] out) {
    int found = 0;
    boolean truncated = false;
    for (long key : recordKeys) {
      if (key == 0) {
        continue;
      }
      int slot = find(key);
      if (slot < 0) {
        continue;
      }
      int size = sizes[slot];
      int[] block = members[slot];
      int from = Math.max(0, size - maxComparisons);
      truncated |= from > 0;
      for (int k = from; k < size; k++) {
        int j = block[k];
        if (stamp[j] != index + 1) {
          stamp[j] = index + 1;
          out[found++] = j;
        }
      }
    }
    if (truncated) {
      truncatedRecords++;
    }
    return found;
  }

  /** The most candidates {@link #candidates} can return for a record with these keys. */
  int bound(long[] recordKeys) {
    long bound = 0;
    for (long key : recordKeys) {
      if (key != 0) {
        int slot = find(key);
        bound += slot < 0 ? 0 : Math.min(sizes[slot], maxComparisons);
      }
    }
    return (int) Math.min(Integer.MAX_VALUE - 8, bound);
  }

  void add(int index, long[] recordKeys) {
    if (index >= stamp.length) {
      stamp = Arrays.copyOf(stamp, Math.max(index + 1, stamp.length * 2));
    }
    for (int k = 0; k < recordKeys.length; k++) {
      long key = recordKeys[k];
      if (key == 0 || repeated(recordKeys, k)) {
        continue;
      }
      if (2 * (used + 1) > keys.length) {
        grow();
      }
      int slot = slotOf(key, keys.length);
      while (keys[slot] != 0 && keys[slot] != key) {
        slot = (slot + 1) & (keys.length - 1);
      }
      if (keys[slot] == 0) {
        keys[slot] = key;
        members[slot] = new int[2];
        used++;
      }
      if (sizes[slot] == members[slot].length) {
        members[slot] = Arrays.copyOf(members[slot], sizes[slot] * 2);
      }
      members[slot][sizes[slot]++] = index;
      if (sizes[slot] == maxComparisons + 1) {
        oversizeBlocks++;
      }
      largestBlock = Math.max(largestBlock, sizes[slot]);
    }
  }

  long oversizeBlocks() {
    return oversizeBlocks;
  }

  long truncatedRecords() {
    return truncatedRecords;
  }

  int largestBlock() {
    return largestBlock;
  }

  int blocks() {
    return used;
  }

  /** Whether the key at {@code k} already occurred earlier in the record's keys. */
  private static boolean repeated(long[] recordKeys, int k) {
    for (int i = 0; i < k; i++) {
      if (recordKeys[i] == recordKeys[k]) {
        return true;
      }
    }
    return false;
  }

  private int find(long key) {
    int slot = slotOf(key, keys.length);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        return slot;
      }
      slot = (slot + 1) & (keys.length - 1);
    }
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[][] oldMembers = members;
    int[] oldSizes = sizes;
    keys = new long[oldKeys.length * 2];
    members = new int[keys.length][];
    sizes = new int[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slotOf(oldKeys[i], keys.length);
        while (keys[slot] != 0) {
          slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = oldKeys[i];
        members[slot] = oldMembers[i];
        sizes[slot] = oldSizes[i];
      }
    }
  }

  private static int slotOf(long key, int capacity) {
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & (capacity - 1);
  }
}
