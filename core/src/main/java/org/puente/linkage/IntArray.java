package org.puente.linkage;

/**
 * A fixed-length array of ints, zero when made: in the heap ({@link #inHeap}) or in a record
 * store's scratch memory ({@link RecordStore#ints}). The linker keeps its per-record and per-key
 * arrays in one of these, so that a country whose records live out of the heap has its blocks there
 * too. Indexes are longs: a large country's blocks have more entries than an int counts in some
 * arrays. Not thread-safe.
 */
public interface IntArray extends AutoCloseable {

  long length();

  int get(long index);

  void set(long index, int value);

  /** Releases the memory; the array is not used afterwards. */
  @Override
  void close();

  /** An array of {@code length} ints in the heap (at most {@code Integer.MAX_VALUE - 8}). */
  static IntArray inHeap(long length) {
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("an array in the heap cannot hold " + length + " ints");
    }
    int[] values = new int[(int) length];
    return new IntArray() {
      @Override
      public long length() {
        return values.length;
      }

      @Override
      public int get(long index) {
        return values[Math.toIntExact(index)];
      }

      @Override
      public void set(long index, int value) {
        values[Math.toIntExact(index)] = value;
      }

      @Override
      public void close() {}
    };
  }
}
