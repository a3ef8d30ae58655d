package org.puente.ingest.pipeline;

import com.carrotsearch.hppc.LongHashSet;

/**
 * The record references already accepted for a source, as 64-bit hashes in a primitive set: 8 to 16
 * bytes a record, the one part of ingest memory that grows with the data (10 million records take
 * about 160 MB). A 64-bit hash collides by chance about once in 10^7 files of 10^7 records.
 */
public final class RecordKeys {

  private final LongHashSet keys = new LongHashSet();

  /** Adds a reference; false if it was already there (a duplicate). */
  public boolean add(String recordId) {
    return keys.add(hash(recordId));
  }

  public int size() {
    return keys.size();
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
