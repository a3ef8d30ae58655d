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

  /** The blocking keys of the record at {@code index}. */
  long[] blockingKeys(int index) {
    return store != null ? store.blockingKeys(index) : records.get(index).blockingKeys();
  }
}
