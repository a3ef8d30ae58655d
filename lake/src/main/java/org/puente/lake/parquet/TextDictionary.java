package org.puente.lake.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text column chunk's dictionary: each distinct value once, in the order first seen, numbered
 * from 0.
 *
 * <p>The values' UTF-8 bytes are held in one byte array exactly as the dictionary page's plain
 * encoding writes them (a 4-byte little-endian length, then the bytes), and found through an
 * open-addressing table keyed by the value's string: {@link String#hashCode} is cached in the
 * string, and the codes and memoised tokens an ingest writes are the same few string instances
 * again and again, so most lookups neither hash nor encode anything. Written here rather than as a
 * {@code Map<String, Integer>} because the map costs four objects an entry besides the key (its
 * bytes, a node, a boxed id); an ingest holds dozens of columns of every open month for the length
 * of a row group, each young collection copied those objects again, and collections took a quarter
 * of an ingest's CPU.
 */
final class TextDictionary {
  private static final int FIRST_ENTRIES = 64;
  private static final int FIRST_PLAIN_BYTES = 1024;

  // Entries in plain encoding, where each entry's bytes (after its length) start, and its string.
  private byte[] plain = new byte[FIRST_PLAIN_BYTES];
  private int plainSize;
  private int[] starts = new int[FIRST_ENTRIES];
  private String[] values = new String[FIRST_ENTRIES];
  private int size;

  // Open addressing, linear probing: id + 1 of the entry in a slot, 0 for an empty slot.
  private int[] slots = new int[2 * FIRST_ENTRIES];

  /**
   * The value's id: its existing entry's, or a new entry's (the dictionary's size before). A new
   * entry's UTF-8 bytes are {@link #lastAdded()}.
   */
  int idOf(String value) {
    int mask = slots.length - 1;
    int slot = spread(value.hashCode()) & mask;
    while (true) {
      int held = slots[slot];
      if (held == 0) {
        break;
      }
      String entry = values[held - 1];
      if (entry == value || entry.equals(value)) {
        return held - 1;
      }
      slot = (slot + 1) & mask;
    }
    int id = add(value);
    slots[slot] = id + 1;
    if (2 * size > slots.length) {
      rehash(2 * slots.length);
    }
    return id;
  }

  /** The UTF-8 bytes of the newest entry. */
  byte[] lastAdded() {
    int start = starts[size - 1];
    return Arrays.copyOfRange(plain, start, start + lengthAt(start));
  }

  /** Distinct values held. */
  int size() {
    return size;
  }

  /** Bytes of the dictionary page's values: each entry's length and bytes. */
  int plainBytes() {
    return plainSize;
  }

  /** Bytes held: the arrays at their current capacity, and the entries' strings. */
  long heldBytes() {
    return 2L * plain.length + 8L * starts.length + 4L * slots.length;
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
      values = new String[FIRST_ENTRIES];
      slots = new int[2 * FIRST_ENTRIES];
    } else {
      Arrays.fill(values, 0, size, null);
      Arrays.fill(slots, 0);
    }
    plainSize = 0;
    size = 0;
  }

  private int add(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int length = bytes.length;
    if (plainSize + 4 + length > plain.length) {
      plain = Arrays.copyOf(plain, Math.max(2 * plain.length, plainSize + 4 + length));
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, 2 * size);
      values = Arrays.copyOf(values, 2 * size);
    }
    plain[plainSize] = (byte) length;
    plain[plainSize + 1] = (byte) (length >>> 8);
    plain[plainSize + 2] = (byte) (length >>> 16);
    plain[plainSize + 3] = (byte) (length >>> 24);
    System.arraycopy(bytes, 0, plain, plainSize + 4, length);
    starts[size] = plainSize + 4;
    values[size] = value;
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
      int slot = spread(values[id].hashCode()) & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = id + 1;
    }
    slots = grown;
  }

  /** Spreads the string hash's high bits into the low ones the mask keeps. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
