package org.puente.lake.catalog;

/**
 * What became of a submission's rows. Every row read ends up in exactly one of the three others.
 *
 * @param read rows read from the file
 * @param accepted rows written to the lake
 * @param rejected rows rejected with reasons
 * @param duplicate rows recognised as records already accepted
 */
public record RowCounts(long read, long accepted, long rejected, long duplicate) {

  public RowCounts {
    if (accepted < 0 || rejected < 0 || duplicate < 0) {
      throw new IllegalArgumentException("row counts must not be negative");
    }
    if (read != accepted + rejected + duplicate) {
      throw new IllegalArgumentException(
          "row counts do not add up: read "
              + read
              + " != accepted "
              + accepted
              + " + rejected "
              + rejected
              + " + duplicate "
              + duplicate);
    }
  }

  /** All rows read were accepted. */
  public static RowCounts allAccepted(long rows) {
    return new RowCounts(rows, rows, 0, 0);
  }
}
