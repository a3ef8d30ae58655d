package org.puente.ingest.pipeline;

import com.carrotsearch.hppc.LongHashSet;

/**
 * The record references already accepted for a source, as 64-bit hashes in primitive sets: 8 to 16
 * bytes a record, the one part of ingest memory that grows with the data (10 million records take
 * about 160 MB). A 64-bit hash collides by chance about once in 10^7 files of 10^7 records.
 *
 * <p>The hashes are spread over {@value #SHARDS} sets by their top bits, so that a set that grows
 * reallocates 1/64 of the whole: one set would need its old and new tables at once, 134 MB in one
 * array at 6 million records, which a 512 MB heap may not find.
 */
public final class RecordKeys {

  private static final int SHARD_BITS = 6;
  private static final int SHARDS = 1 << SHARD_BITS;

  private final LongHashSet[] shards = new LongHashSet[SHARDS];

  public RecordKeys() {
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new LongHashSet();
    }
  }

  /** Adds a reference; false if it was already there (a duplicate). */
  public boolean add(String recordId) {
    long key = hash(recordId);
    return shards[(int) (key >>> (64 - SHARD_BITS))].add(key);
  }

  public int size() {
    int size = 0;
    for (LongHashSet shard : shards) {
      size += shard.size();
    }
    return size;
  }

  /** FNV-1a over the UTF-16 code units, then a 64-bit finaliser (from SplitMix64) to spread it. */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
