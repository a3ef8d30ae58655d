package org.puente.linkage;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * The blocks of a set of records in processing order: for each blocking key, the records that carry
 * it. A {@link Reader} gives a record's earlier candidates, so every decision depends only on
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
 * That is three ints an entry, one a record (its first entry) and one a record for each thread that
 * reads them (the stamp that makes a pair found through several keys count once), in {@link
 * IntArray}s from the caller: in the heap, or beside records kept out of it ({@link
 * RecordStore#ints}).
 *
 * <p>Building needs each key's block. A table from key to block for every key of a large country
 * held 12 to 24 bytes a distinct key in the heap, and failed to grow at ten million crossings in a
 * 1 GiB heap (fourteenth session). So the entries are first grouped by the key's top bits (a
 * counting sort, into a scratch array of three ints an entry: the key's two halves and the entry),
 * and the table is built one group at a time, a group holding at most {@code entriesPerGroup}
 * entries unless one part of the keys is larger: the heap holds one group's table. A key's entries
 * all fall in one group, in record order, so a block's members come out ascending.
 */
final class Blocks implements AutoCloseable {

  /** Parts the keys are grouped into by their top bits ({@code key >>> PART_SHIFT}). */
  private static final int PARTS = 1024;

  private static final int PART_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(PARTS);

  /** The entries whose key table is built at once, unless a part of the keys has more. */
  static final int ENTRIES_PER_GROUP = 1 << 22;

  /** Ints a grouped entry takes in the scratch array: key (high, low), entry. */
  private static final int GROUPED = 3;

  private final int maxComparisons;

  /** The entries of record i are firstEntry[i] .. firstEntry[i + 1] - 1. */
  private final IntArray firstEntry;

  /** Each entry's place in {@link #members}. */
  private final IntArray place;

  /** Each entry's earlier members in its block. */
  private final IntArray earlier;

  /** The records of every block, block after block, ascending within a block. */
  private final IntArray members;

  /** Where the readers' stamps are made. */
  private final LongFunction<IntArray> arrays;

  private final int records;

  /** The readers made, each with its stamps. */
  private final List<Reader> readers = new ArrayList<>();

  private final int blocks;
  private final int largestBlock;
  private final long oversizeBlocks;

  private Blocks(
      int maxComparisons,
      IntArray firstEntry,
      IntArray place,
      IntArray earlier,
      IntArray members,
      LongFunction<IntArray> arrays,
      int records,
      Sizes sizes) {
    this.maxComparisons = maxComparisons;
    this.firstEntry = firstEntry;
    this.place = place;
    this.earlier = earlier;
    this.members = members;
    this.arrays = arrays;
    this.records = records;
    this.blocks = sizes.blocks;
    this.largestBlock = sizes.largest;
    this.oversizeBlocks = sizes.oversize;
  }

  /**
   * The blocks of {@code records} records, record i (in processing order) carrying the keys {@code
   * keysOf.apply(i)} (zeros and repeats ignored), in arrays made by {@code arrays}, building the
   * key tables {@code entriesPerGroup} entries at a time. {@code keysOf} is called twice a record.
   */
  static Blocks of(
      int records,
      IntFunction<long[]> keysOf,
      int maxComparisons,
      LongFunction<IntArray> arrays,
      int entriesPerGroup) {
    IntArray firstEntry = arrays.apply(records + 1L);
    long[] partStart = new long[PARTS + 1];
    long entries = 0;
    for (int i = 0; i < records; i++) {
      long[] keys = keysOf.apply(i);
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] != 0 && !repeated(keys, k)) {
          partStart[part(keys[k]) + 1]++;
          entries++;
        }
      }
      if (entries > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "more than " + (Integer.MAX_VALUE - 8) + " blocking keys in one linkage");
      }
      firstEntry.set(i + 1, (int) entries);
    }
    for (int p = 0; p < PARTS; p++) {
      partStart[p + 1] += partStart[p];
    }
    IntArray place = arrays.apply(entries);
    IntArray earlier = arrays.apply(entries);
    Sizes sizes;
    try (IntArray grouped = group(records, keysOf, firstEntry, partStart, arrays)) {
      sizes = placeEntries(grouped, partStart, place, earlier, maxComparisons, entriesPerGroup);
    }
    IntArray members = arrays.apply(entries);
    for (int i = 0; i < records; i++) {
      for (int e = firstEntry.get(i); e < firstEntry.get(i + 1); e++) {
        members.set(place.get(e), i);
      }
    }
    return new Blocks(maxComparisons, firstEntry, place, earlier, members, arrays, records, sizes);
  }

  /** The entries as (key high, key low, entry), part after part, in entry order within a part. */
  private static IntArray group(
      int records,
      IntFunction<long[]> keysOf,
      IntArray firstEntry,
      long[] partStart,
      LongFunction<IntArray> arrays) {
    IntArray grouped = arrays.apply(GROUPED * partStart[PARTS]);
    long[] next = partStart.clone();
    for (int i = 0; i < records; i++) {
      long[] keys = keysOf.apply(i);
      int entry = firstEntry.get(i);
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] == 0 || repeated(keys, k)) {
          continue;
        }
        long at = GROUPED * next[part(keys[k])]++;
        grouped.set(at, (int) (keys[k] >>> 32));
        grouped.set(at + 1, (int) keys[k]);
        grouped.set(at + 2, entry++);
      }
    }
    return grouped;
  }

  /**
   * Gives each entry its place and its count of earlier members, one group of parts at a time:
   * number the group's keys (overwriting each entry's key high half with its block), size the
   * blocks, lay them out after the earlier groups' blocks, then place the entries in order.
   */
  private static Sizes placeEntries(
      IntArray grouped,
      long[] partStart,
      IntArray place,
      IntArray earlier,
      int maxComparisons,
      int entriesPerGroup) {
    Sizes sizes = new Sizes();
    int placed = 0;
    int part = 0;
    while (part < PARTS) {
      int end = part + 1;
      while (end < PARTS && partStart[end + 1] - partStart[part] <= entriesPerGroup) {
        end++;
      }
      long from = partStart[part];
      long to = partStart[end];
      LongIntHashMap blockIds = new LongIntHashMap();
      IntArrayList counts = new IntArrayList();
      for (long g = from; g < to; g++) {
        long at = GROUPED * g;
        long key = ((long) grouped.get(at) << 32) | (grouped.get(at + 1) & 0xFFFFFFFFL);
        int slot = blockIds.indexOf(key);
        int block;
        if (blockIds.indexExists(slot)) {
          block = blockIds.indexGet(slot);
        } else {
          block = counts.size();
          blockIds.indexInsert(slot, key, block);
          counts.add(0);
        }
        counts.buffer[block]++;
        grouped.set(at, block);
      }
      blockIds = null; // garbage before the starts are allocated
      int[] start = new int[counts.size()];
      for (int b = 0; b < counts.size(); b++) {
        int size = counts.buffer[b];
        sizes.add(size, maxComparisons);
        start[b] = placed;
        placed += size;
        counts.buffer[b] = 0;
      }
      for (long g = from; g < to; g++) {
        long at = GROUPED * g;
        int block = grouped.get(at);
        int entry = grouped.get(at + 2);
        int before = counts.buffer[block]++;
        place.set(entry, start[block] + before);
        earlier.set(entry, before);
      }
      part = end;
    }
    return sizes;
  }

  /** The group of parts a key falls in. */
  private static int part(long key) {
    return (int) (key >>> PART_SHIFT);
  }

  /** How many blocks, the largest, and how many grew past the window. */
  private static final class Sizes {
    private int blocks;
    private int largest;
    private long oversize;

    void add(int size, int maxComparisons) {
      blocks++;
      largest = Math.max(largest, size);
      if (size > maxComparisons) {
        oversize++;
      }
    }
  }

  /**
   * A new reader of candidates, for one thread: it has its own stamps (an int a record, made as the
   * blocks' arrays are). Make readers on one thread, then read from as many threads as readers.
   */
  Reader reader() {
    Reader reader = new Reader(arrays.apply(Math.max(1, records)));
    readers.add(reader);
    return reader;
  }

  /** Reads records' candidates; one thread at a time. */
  final class Reader {

    /** stamp[j] == i + 1 when record j is already a candidate of record i. */
    private final IntArray stamp;

    private long truncatedRecords;

    /** The candidates of the last {@link #gather}, and where each record's end. */
    private int[] gathered = new int[64];

    private int[] gatheredEnds = new int[64];

    private Reader(IntArray stamp) {
      this.stamp = stamp;
    }

    /** The records this reader met that had a truncated block. */
    long truncatedRecords() {
      return truncatedRecords;
    }

    /**
     * Writes the distinct earlier candidates of record {@code index} into {@code out}, which must
     * have room for {@link #bound}, and returns how many there are, in an order that depends only
     * on the blocks.
     */
    int candidates(int index, int[] out) {
      return candidates(index, out, 0);
    }

    /**
     * Gathers the candidates of records {@code from}, {@code from + 1}, … (those {@code wanted}
     * accepts; the others have none) until at least {@link RecordReader#TOUCH_BATCH} are gathered
     * or {@code to} is reached, then touches every one through {@code touch} ({@link
     * RecordReader#touch}), so that a loop reads them all at once before it compares any. Returns
     * the record after the last one gathered; the candidates of record {@code from + r} are then
     * {@link #gathered()} from {@link #gatheredEnd}{@code (r - 1)} (0 for the first) to {@link
     * #gatheredEnd}{@code (r)}, each record's as {@link #candidates(int, int[])} gives them.
     */
    int gather(int from, int to, IntPredicate wanted, RecordReader touch) {
      int count = 0;
      int next = from;
      while (next < to && count < RecordReader.TOUCH_BATCH) {
        gatheredEnds = ensure(gatheredEnds, next - from + 1);
        if (wanted.test(next)) {
          gathered = ensure(gathered, count + bound(next));
          count += candidates(next, gathered, count);
        }
        gatheredEnds[next - from] = count;
        next++;
      }
      for (int k = 0; k < count; k++) {
        touch.touch(gathered[k]);
      }
      return next;
    }

    /** The candidates of the last {@link #gather}, record after record. */
    int[] gathered() {
      return gathered;
    }

    /** Where the candidates of the {@code r}-th record of the last {@link #gather} end. */
    int gatheredEnd(int r) {
      return gatheredEnds[r];
    }

    /** {@code array}, or a larger copy when it has fewer than {@code length} places. */
    private static int[] ensure(int[] array, int length) {
      return length <= array.length
          ? array
          : java.util.Arrays.copyOf(array, Math.max(length, array.length * 2));
    }

    /** {@link #candidates(int, int[])} written from {@code out[offset]} on. */
    private int candidates(int index, int[] out, int offset) {
      int found = offset;
      boolean truncated = false;
      int end = firstEntry.get(index + 1);
      for (int e = firstEntry.get(index); e < end; e++) {
        int at = place.get(e);
        int before = earlier.get(e);
        int count = Math.min(before, maxComparisons);
        truncated |= before > maxComparisons;
        for (int k = at - count; k < at; k++) {
          int j = members.get(k);
          if (stamp.get(j) != index + 1) {
            stamp.set(j, index + 1);
            out[found++] = j;
          }
        }
      }
      if (truncated) {
        truncatedRecords++;
      }
      return found - offset;
    }
  }

  /**
   * At least as many as the candidate pairs of all records: each entry's earlier members within the
   * window, summed, without reading a record (a pair that shares several keys counts once for
   * each).
   */
  long pairBound() {
    long pairs = 0;
    long entries = firstEntry.get(records);
    for (long e = 0; e < entries; e++) {
      pairs += Math.min(earlier.get(e), maxComparisons);
    }
    return pairs;
  }

  /** The most candidates {@link Reader#candidates} can return for record {@code index}. */
  int bound(int index) {
    long bound = (long) (firstEntry.get(index + 1) - firstEntry.get(index)) * maxComparisons;
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.min(bound, index));
  }

  long oversizeBlocks() {
    return oversizeBlocks;
  }

  /** The records the readers met so far that had a truncated block. */
  long truncatedRecords() {
    long truncated = 0;
    for (Reader reader : readers) {
      truncated += reader.truncatedRecords;
    }
    return truncated;
  }

  int largestBlock() {
    return largestBlock;
  }

  int blocks() {
    return blocks;
  }

  /** Releases the arrays. */
  @Override
  public void close() {
    firstEntry.close();
    place.close();
    earlier.close();
    members.close();
    for (Reader reader : readers) {
      reader.stamp.close();
    }
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
