package org.puente.lake.catalog;

/** Where a submitted file stands. */
public enum SubmissionStatus {
  /** Received and being processed; its files (if any) are not visible. */
  RECEIVED,
  /** Its manifest committed: its files are visible to readers. */
  COMMITTED,
  /** The same content was already committed for the same source; nothing was written. */
  DUPLICATE,
  /** Processing failed or was interrupted; nothing of it is visible. */
  FAILED
}
