package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Reads records by position: in place through a cursor when the list is {@link PackedRecords}, so
 * that the inner loops of linking and training make no object a comparison; else the list's own
 * records. What {@link #at} returns is valid until the next call: one reader for each record a loop
 * holds at the same time.
 */
final class RecordReader {

  private final List<LinkageRecord> records;
  private final PackedRecords packed;
  private final PackedRecords.Cursor cursor;

  RecordReader(List<LinkageRecord> records) {
    this.records = requireNonNull(records, "records is null");
    this.packed = records instanceof PackedRecords p ? p : null;
    this.cursor = packed == null ? null : packed.cursor();
  }

  /** The record at {@code index}, until the next call. */
  RecordFields at(int index) {
    return cursor != null ? cursor.moveTo(index) : records.get(index);
  }

  /** The blocking keys of the record at {@code index}. */
  long[] blockingKeys(int index) {
    return packed != null ? packed.blockingKeys(index) : records.get(index).blockingKeys();
  }
}
