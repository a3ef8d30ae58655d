package org.puente.linkage;

import org.puente.residence.Direction;

/**
 * What comparing and linking read of a record: a {@link LinkageRecord} in the heap, or a record of
 * a {@link RecordStore} read in place through its {@link RecordStore.Cursor}, so that the linker's
 * inner loops compare stored records without making objects. Digests are 0 when absent, as in
 * {@link LinkageRecord}.
 */
public interface RecordFields {

  long id();

  long document();

  long birthDate();

  long birthDateSwapped();

  long birthYear();

  long firstGivenName();

  long firstSurname();

  long nameSet();

  /** Whether the record has a name encoding ({@link LinkageRecord#nameBloom}). */
  boolean hasNameBloom();

  /** Word {@code w} of the name encoding, which must be present. */
  long nameBloomWord(int w);

  /** Whether the record has a document encoding ({@link LinkageRecord#documentBloom}). */
  boolean hasDocumentBloom();

  /** Word {@code w} of the document encoding, which must be present. */
  long documentBloomWord(int w);

  String sex();

  String citizenship();

  long eventSecond();

  String port();

  /** Arrival or departure, or null for a record that is not a crossing. */
  Direction direction();

  /** The address, or null. */
  LinkageAddress address();

  /** Whether the record has a time order ({@link #eventSecond} is not {@link Long#MIN_VALUE}). */
  default boolean timed() {
    return eventSecond() != Long.MIN_VALUE;
  }
}
