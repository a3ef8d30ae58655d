package org.puente.derive;

import static java.util.Objects.requireNonNull;

import org.puente.residence.HistoryEvent;

/**
 * One committed lake record as a run's histories use it: its identity and the non-identifying
 * variables a history needs. Its linkage side (tokens and encodings) is a {@link
 * org.puente.linkage.LinkageRecord} with the same key, read apart ({@link RecordLoader}). Never
 * holds a clear identifier (the lake has none).
 *
 * @param key the record's identity across the lake: submission id × 2^40 + source line; also the
 *     record id of {@code event} and of its linkage record
 * @param recordRef the source's own record reference (the lake's {@code record_id})
 * @param event what the histories look at
 * @param previousClass the class the previous run gave the record, null when that run did not have
 *     it, gave it none (not a crossing), or there is no previous run
 * @param previousPermille that run's predicted probability in thousandths when the record was
 *     provisional there, else -1
 */
public record NodeRecord(
    long key, String recordRef, HistoryEvent event, String previousClass, int previousPermille) {

  /** Bits of the key that hold the source line. */
  public static final int LINE_BITS = 40;

  public NodeRecord {
    requireNonNull(event, "event is null");
    if (event.recordId() != key) {
      throw new IllegalArgumentException("the event must carry the key");
    }
    if (previousPermille < -1 || previousPermille > 1000) {
      throw new IllegalArgumentException("previous permille out of range: " + previousPermille);
    }
  }

  /** The key of a lake row. */
  public static long key(long submissionId, long sourceLine) {
    if (submissionId < 0 || sourceLine < 0 || sourceLine >= 1L << LINE_BITS) {
      throw new IllegalArgumentException(
          "no key for submission " + submissionId + " line " + sourceLine);
    }
    return (submissionId << LINE_BITS) | sourceLine;
  }

  public static long submissionOf(long key) {
    return key >>> LINE_BITS;
  }

  public static long sourceLineOf(long key) {
    return key & ((1L << LINE_BITS) - 1);
  }

  public long submissionId() {
    return submissionOf(key);
  }

  public long eventSecond() {
    return event.eventSecond();
  }
}
