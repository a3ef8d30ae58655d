package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Reads records by position: in place through a cursor when the list is a {@link RecordStore}, so
 * that the inner loops of linking and training make no object a comparison; else the list's own
 * records. What {@link #at} returns is valid until the next call: one reader for each record a loop
 * holds at the same time.
 */
final class RecordReader {

  private final List<LinkageRecord> records;
  private final RecordStore store;
  private final RecordStore.Cursor cursor;

  RecordReader(List<LinkageRecord> records) {
    this.records = requireNonNull(records, "records is null");
    this.store = records instanceof RecordStore s ? s : null;
    this.cursor = store == null ? null : store.cursor();
  }

  /** The record at {@code index}, until the next call. */
  RecordFields at(int index) {
    return cursor != null ? cursor.moveTo(index) : records.get(index);
  }

  /**
   * Starts fetching the record at {@code index} from a {@link RecordStore} ({@link
   * RecordStore#touch}); nothing for records in the heap. Loops that compare many pairs touch a
   * batch of them first ({@link #TOUCH_BATCH} pairs), then compare them. Pairs drawn at random from
   * 1.73 million stored records (304 bytes each), scored on one thread of this project's 2-core
   * machine: 1.99 million a second one after another, 3.34 million touched 128 at a time first (the
   * bench module's {@code StoredPairsBenchmark}).
   */
  void touch(int index) {
    if (store != null) {
      touched ^= store.touch(index);
    }
  }

  /** Pairs a loop touches before it compares them ({@link #touch}). */
  static final int TOUCH_BATCH = 128;

  /** The touched words, kept so that no touch is left out as unused. */
  private long touched;

  /** What the touches read, mixed: nothing to use it for but keeping them. */
  long touched() {
    return touched;
  }

  /** The blocking keys of the record at {@code index}. */
  long[] blockingKeys(int index) {
    return store != null ? store.blockingKeys(index) : records.get(index).blockingKeys();
  }
}
