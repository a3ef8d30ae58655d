package org.puente.linkage;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.function.IntFunction;

/**
 * The blocks of a set of records in processing order: for each blocking key, the records that carry
 * it. {@link #candidates} gives a record's earlier candidates, so every decision depends only on
 * earlier records.
 *
 * <p>Each record is compared with at most {@code maxComparisons} of the most recent earlier members
 * of each block (the window of sorted-neighbourhood blocking, applied only where a block is that
 * large); a block that grows past it is counted once as oversize, and every record that met a
 * truncated block is counted too. Cost is then at most {@code keys · maxComparisons} comparisons a
 * record, whatever the data. Pairs that share several keys are returned once.
 *
 * <p>The blocks are built once, before linking, in one array: every block's members contiguous and
 * ascending, each (record, key) entry knowing its place there and how many earlier members its
 * block has, so a record's candidates are a backward read from its place in each of its blocks.
 * That holds three ints an entry and two a record (its first entry, and the stamp that makes a pair
 * found through several keys count once), where a hash table of growing member lists held about 180
 * bytes a record of a large country (tenth session); the table from key to block is needed only
 * while building.
 */
final class Blocks {

  private final int maxComparisons;

  /** The entries of record i are firstEntry[i] .. firstEntry[i + 1] - 1. */
  private final int[] firstEntry;

  /** Each entry's place in {@link #members}. */
  private final int[] place;

  /** Each entry's earlier members in its block. */
  private final int[] earlier;

  /** The records of every block, block after block, ascending within a block. */
  private final int[] members;

  /** stamp[j] == i + 1 when record j is already a candidate of record i. */
  private final int[] stamp;

  private final int blocks;
  private final int largestBlock;
  private final long oversizeBlocks;
  private long truncatedRecords;

  private Blocks(
      int maxComparisons,
      int[] firstEntry,
      int[] place,
      int[] earlier,
      int[] members,
      int blocks,
      int largestBlock,
      long oversizeBlocks) {
    this.maxComparisons = maxComparisons;
    this.firstEntry = firstEntry;
    this.place = place;
    this.earlier = earlier;
    this.members = members;
    this.stamp = new int[Math.max(1, firstEntry.length - 1)];
    this.blocks = blocks;
    this.largestBlock = largestBlock;
    this.oversizeBlocks = oversizeBlocks;
  }

  /**
   * The blocks of {@code records} records, record i (in processing order) carrying the keys {@code
   * keysOf.apply(i)} (zeros and repeats ignored). {@code keysOf} is called twice a record.
   */
  static Blocks of(int records, IntFunction<long[]> keysOf, int maxComparisons) {
    int[] firstEntry = new int[records + 1];
    for (int i = 0; i < records; i++) {
      firstEntry[i + 1] = firstEntry[i] + distinctKeys(keysOf.apply(i));
    }
    int entries = firstEntry[records];
    // Each entry's block, and each block's size: a counting sort of the entries by block.
    int[] blockOf = new int[entries];
    IntArrayList sizes = new IntArrayList();
    LongIntHashMap blockIds = new LongIntHashMap();
    for (int i = 0; i < records; i++) {
      long[] keys = keysOf.apply(i);
      int entry = firstEntry[i];
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] == 0 || repeated(keys, k)) {
          continue;
        }
        int slot = blockIds.indexOf(keys[k]);
        int block;
        if (blockIds.indexExists(slot)) {
          block = blockIds.indexGet(slot);
        } else {
          block = sizes.size();
          blockIds.indexInsert(slot, keys[k], block);
          sizes.add(0);
        }
        blockOf[entry++] = block;
        sizes.buffer[block]++;
      }
    }
    int blocks = sizes.size();
    blockIds = null; // the key table is garbage before the three arrays below are allocated
    int largestBlock = 0;
    long oversizeBlocks = 0;
    // sizes becomes each block's next free place.
    int[] next = sizes.buffer;
    int start = 0;
    for (int b = 0; b < blocks; b++) {
      int size = next[b];
      largestBlock = Math.max(largestBlock, size);
      if (size > maxComparisons) {
        oversizeBlocks++;
      }
      next[b] = start;
      start += size;
    }
    int[] members = new int[entries];
    int[] place = new int[entries];
    int[] earlier = new int[entries];
    int[] blockStart = new int[blocks];
    System.arraycopy(next, 0, blockStart, 0, blocks);
    for (int i = 0; i < records; i++) {
      for (int e = firstEntry[i]; e < firstEntry[i + 1]; e++) {
        int block = blockOf[e];
        int at = next[block]++;
        members[at] = i;
        place[e] = at;
        earlier[e] = at - blockStart[block];
      }
    }
    return new Blocks(
        maxComparisons, firstEntry, place, earlier, members, blocks, largestBlock, oversizeBlocks);
  }

  /**
   * Writes the distinct earlier candidates of record {@code index} into {@code out}, which must
   * have room for {@link #bound}, and returns how many there are, in no particular order.
   */
  int candidates(int index, int[] out) {
    int found = 0;
    boolean truncated = false;
    for (int e = firstEntry[index]; e < firstEntry[index + 1]; e++) {
      int at = place[e];
      int count = Math.min(earlier[e], maxComparisons);
      truncated |= earlier[e] > maxComparisons;
      for (int k = at - count; k < at; k++) {
        int j = members[k];
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

  /** The most candidates {@link #candidates} can return for record {@code index}. */
  int bound(int index) {
    long bound = (long) (firstEntry[index + 1] - firstEntry[index]) * maxComparisons;
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.min(bound, index));
  }

  long oversizeBlocks() {
    return oversizeBlocks;
  }

  /** The records met so far by {@link #candidates} that had a truncated block. */
  long truncatedRecords() {
    return truncatedRecords;
  }

  int largestBlock() {
    return largestBlock;
  }

  int blocks() {
    return blocks;
  }

  private static int distinctKeys(long[] keys) {
    int count = 0;
    for (int k = 0; k < keys.length; k++) {
      if (keys[k] != 0 && !repeated(keys, k)) {
        count++;
      }
    }
    return count;
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
}
