package org.puente.linkage;

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
 * <p>The blocks are built once, before linking, as chains: each (record, key) entry points at the
 * entry of the previous record with the same key, so a record's candidates are a walk back along
 * each of its keys' chains. That costs three ints an entry and one an record, where a hash table of
 * growing member lists held about 180 bytes a record of a large country (tenth session); the table
 * from key to its latest entry is needed only while building.
 */
final class Blocks {

  private final int maxComparisons;

  /** The entries of record i are firstEntry[i] .. firstEntry[i + 1] - 1. */
  private final int[] firstEntry;

  /** The entry of the same key's previous record, -1 for the key's first record. */
  private final int[] previous;

  /** Each entry's record. */
  private final int[] recordOf;

  /** The records with a key that has more than maxComparisons earlier records (a bit each). */
  private final long[] truncated;

  /** stamp[j] == i + 1 when record j is already a candidate of record i. */
  private final int[] stamp;

  private final int blocks;
  private final int largestBlock;
  private final long oversizeBlocks;
  private long truncatedRecords;

  private Blocks(
      int maxComparisons,
      int[] firstEntry,
      int[] previous,
      int[] recordOf,
      long[] truncated,
      int blocks,
      int largestBlock,
      long oversizeBlocks) {
    this.maxComparisons = maxComparisons;
    this.firstEntry = firstEntry;
    this.previous = previous;
    this.recordOf = recordOf;
    this.truncated = truncated;
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
    int[] previous = new int[entries];
    int[] recordOf = new int[entries];
    // Each entry's block size so far (its record included): only while building.
    int[] rank = new int[entries];
    long[] truncated = new long[(records + 63) >>> 6];
    LongIntHashMap latest = new LongIntHashMap();
    int largestBlock = 0;
    long oversizeBlocks = 0;
    for (int i = 0; i < records; i++) {
      long[] keys = keysOf.apply(i);
      int entry = firstEntry[i];
      for (int k = 0; k < keys.length; k++) {
        long key = keys[k];
        if (key == 0 || repeated(keys, k)) {
          continue;
        }
        int before = latest.getOrDefault(key, -1);
        latest.put(key, entry);
        previous[entry] = before;
        recordOf[entry] = i;
        rank[entry] = before < 0 ? 1 : rank[before] + 1;
        if (rank[entry] == maxComparisons + 1) {
          oversizeBlocks++;
        }
        if (rank[entry] - 1 > maxComparisons) {
          truncated[i >>> 6] |= 1L << i;
        }
        largestBlock = Math.max(largestBlock, rank[entry]);
        entry++;
      }
    }
    return new Blocks(
        maxComparisons,
        firstEntry,
        previous,
        recordOf,
        truncated,
        latest.size(),
        largestBlock,
        oversizeBlocks);
  }

  /**
   * Writes the distinct earlier candidates of record {@code index} into {@code out}, which must
   * have room for {@link #bound}, and returns how many there are, in no particular order.
   */
  int candidates(int index, int[] out) {
    int found = 0;
    for (int e = firstEntry[index]; e < firstEntry[index + 1]; e++) {
      int steps = 0;
      for (int p = previous[e]; p >= 0 && steps < maxComparisons; p = previous[p], steps++) {
        int j = recordOf[p];
        if (stamp[j] != index + 1) {
          stamp[j] = index + 1;
          out[found++] = j;
        }
      }
    }
    if ((truncated[index >>> 6] & (1L << index)) != 0) {
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
