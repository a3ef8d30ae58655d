package org.puente.lake.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A text column chunk's dictionary: each distinct value once, in the order first seen, numbered
 * from 0.
 *
 * <p>The values are held in one byte array exactly as the dictionary page's plain encoding writes
 * them (a 4-byte little-endian length, then the UTF-8 bytes), and found through an open-addressing
 * table of ints. Written here rather than as a {@code Map<String, Integer>} because the map costs
 * five objects an entry (the key string and its bytes, the entry's bytes, a node, a boxed id). An
 * ingest holds dozens of columns of every open month, for the length of a row group; each young
 * collection copied those objects again, and collections took a quarter of an ingest's CPU.
 */
final class TextDictionary {
  private static final int FIRST_ENTRIES = 64;
  private static final int FIRST_PLAIN_BYTES = 1024;

  // Entries in plain encoding, and where each entry's bytes (after its length) start.
  private byte[] plain = new byte[FIRST_PLAIN_BYTES];
  private int plainSize;
  private int[] starts = new int[FIRST_ENTRIES];
  private int[] hashes = new int[FIRST_ENTRIES];
  private int size;

  // Open addressing, linear probing: id + 1 of the entry in a slot, 0 for an empty slot.
  private int[] slots = new int[2 * FIRST_ENTRIES];

  /** The value's id: its existing entry's, or a new entry's (the dictionary's size before). */
  int idOf(byte[] value) {
    int hash = hash(value, 0, value.length);
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int held = slots[slot];
      if (held == 0) {
        break;
      }
      int id = held - 1;
      if (hashes[id] == hash) {
        int start = starts[id];
        int length = lengthAt(start);
        if (length == value.length
            && Arrays.equals(plain, start, start + length, value, 0, value.length)) {
          return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    int id = add(value, hash);
    slots[slot] = id + 1;
    if (2 * size > slots.length) {
      rehash(2 * slots.length);
    }
    return id;
  }

  /** Distinct values held. */
  int size() {
    return size;
  }

  /** Bytes of the dictionary page's values: each entry's length and bytes. */
  int plainBytes() {
    return plainSize;
  }

  /** Bytes held in the arrays, at their current capacity. */
  long heldBytes() {
    return plain.length + 8L * starts.length + 4L * slots.length;
  }

  /** Writes entry {@code id} in plain encoding: its length, then its bytes. */
  void writeEntry(int id, OutputStream target) throws IOException {
    int start = starts[id];
    target.write(plain, start - 4, 4 + lengthAt(start));
  }

  /** Writes every entry, in id order, in plain encoding: the dictionary page's values. */
  void writeAll(OutputStream target) throws IOException {
    target.write(plain, 0, plainSize);
  }

  /** Forgets every entry, and lets arrays grown for a large chunk go back to their first size. */
  void clear() {
    if (plain.length > 16 * FIRST_PLAIN_BYTES) {
      plain = new byte[FIRST_PLAIN_BYTES];
    }
    if (starts.length > 16 * FIRST_ENTRIES) {
      starts = new int[FIRST_ENTRIES];
      hashes = new int[FIRST_ENTRIES];
      slots = new int[2 * FIRST_ENTRIES];
    } else {
      Arrays.fill(slots, 0);
    }
    plainSize = 0;
    size = 0;
  }

  private int add(byte[] value, int hash) {
    if (plainSize + 4 + value.length > plain.length) {
      plain = Arrays.copyOf(plain, Math.max(2 * plain.length, plainSize + 4 + value.length));
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, 2 * size);
      hashes = Arrays.copyOf(hashes, 2 * size);
    }
    int length = value.length;
    plain[plainSize] = (byte) length;
    plain[plainSize + 1] = (byte) (length >>> 8);
    plain[plainSize + 2] = (byte) (length >>> 16);
    plain[plainSize + 3] = (byte) (length >>> 24);
    System.arraycopy(value, 0, plain, plainSize + 4, length);
    starts[size] = plainSize + 4;
    hashes[size] = hash;
    plainSize += 4 + length;
    return size++;
  }

  private int lengthAt(int start) {
    return (plain[start - 4] & 0xff)
        | (plain[start - 3] & 0xff) << 8
        | (plain[start - 2] & 0xff) << 16
        | (plain[start - 1] & 0xff) << 24;
  }

  private void rehash(int capacity) {
    int[] grown = new int[capacity];
    int mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = id + 1;
    }
    slots = grown;
  }

  private static int hash(byte[] bytes, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    // Spread the polynomial's low bits, which the mask keeps, over the whole word.
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
