package org.puente.linkage;

import java.util.List;
import java.util.RandomAccess;

/**
 * Linkage records kept somewhere other than as objects in the heap (module derive's {@code
 * PackedRecords}: slots of a memory-mapped scratch file), read by position. {@link #get} makes a
 * {@link LinkageRecord}; the linker's and training's inner loops read fields in place through a
 * {@link Cursor} instead ({@link RecordReader}), so comparing two stored records makes no object.
 */
public interface RecordStore extends List<LinkageRecord>, RandomAccess {

  /** Whether the records are in {@link Linker#ORDER}: the linker then reads them as they are. */
  boolean isOrdered();

  /** The blocking keys of the record at {@code index} (a new array). */
  long[] blockingKeys(int index);

  /**
   * Reads the record at {@code index} without using it: one word of every cache line of its place,
   * so that the memory system fetches it now. A loop that touches the records of several pairs
   * before it compares any has their fetches under way at once, where comparing them one pair after
   * another waits for each in turn: random reads over a country's records are what training and
   * linking wait for ({@link RecordReader#touch}). Returns the words mixed, which the caller must
   * use (a read whose value is never used may be left out by the compiler).
   */
  long touch(int index);

  /** A new cursor: one for each record a caller reads at the same time. */
  Cursor cursor();

  /**
   * A zeroed array of {@code length} ints beside the records (out of the heap when they are), for
   * the linker's blocks and per-record state; the caller closes it, and closing the store releases
   * any left open.
   */
  IntArray ints(long length);

  /** A record read in place: what it returns changes when it moves. */
  interface Cursor extends RecordFields {

    /** Points this cursor at the record at {@code index}; returns it. */
    Cursor moveTo(int index);
  }
}
