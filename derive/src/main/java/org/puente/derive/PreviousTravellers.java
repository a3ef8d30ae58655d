package org.puente.derive;

import java.util.Arrays;

/**
 * The traveller the previous run gave each record of one country, read by record key: what an
 * incremental run's linkage asks of the records it does not compare again. Kept as two sorted
 * primitive arrays, 16 bytes a record, where a hash map of record objects held several times that
 * for every record of the largest country; lookups are binary searches. The previous run's classes,
 * which the revisions need, are not here: DuckDB joins them to the records as it sorts the
 * histories ({@link RecordLoader#travellers}).
 */
final class PreviousTravellers {

  /** No previous run. */
  static final PreviousTravellers NONE = new Builder(0).build();

  private final long[] keys;
  private final long[] travellers;

  private PreviousTravellers(long[] keys, long[] travellers) {
    this.keys = keys;
    this.travellers = travellers;
  }

  /**
   * The previous run's traveller of record {@code key}, {@link CountryLinkage#NO_TRAVELLER} when it
   * did not have it.
   */
  long travellerOf(long key) {
    int at = Arrays.binarySearch(keys, key);
    return at < 0 ? CountryLinkage.NO_TRAVELLER : travellers[at];
  }

  int size() {
    return keys.length;
  }

  /**
   * Collects a known number of records in ascending key order (the previous run's rows sorted by
   * key) into arrays of that size, so that building holds no second copy.
   */
  static final class Builder {
    private final long[] keys;
    private final long[] travellers;
    private int size;

    Builder(int records) {
      keys = new long[records];
      travellers = new long[records];
    }

    /** Adds a record; {@code key} must be greater than the last one added. */
    Builder add(long key, long traveller) {
      if (size == keys.length) {
        throw new IllegalStateException("more than the " + keys.length + " records announced");
      }
      if (size > 0 && key <= keys[size - 1]) {
        throw new IllegalArgumentException(
            "record " + key + " comes after record " + keys[size - 1]);
      }
      keys[size] = key;
      travellers[size] = traveller;
      size++;
      return this;
    }

    PreviousTravellers build() {
      if (size != keys.length) {
        throw new IllegalStateException(
            "" + size + " records added of the " + keys.length + " announced");
      }
      return new PreviousTravellers(keys, travellers);
    }
  }
}
