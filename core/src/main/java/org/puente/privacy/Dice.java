package org.puente.privacy;

/**
 * Dice similarity of bit vectors held as {@code long} words: 2·|A∧B| / (|A|+|B|), with {@code
 * Long.bitCount} (one POPCNT instruction on x86-64 and ARMv8).
 */
public final class Dice {

  private Dice() {}

  /** Dice of two vectors of the same length; 0 when both are all zero. */
  public static double similarity(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of different length");
    }
    int common = 0;
    int total = 0;
    for (int i = 0; i < a.length; i++) {
      common += Long.bitCount(a[i] & b[i]);
      total += Long.bitCount(a[i]) + Long.bitCount(b[i]);
    }
    return total == 0 ? 0.0 : 2.0 * common / total;
  }

  /**
   * Dice of 1,024-bit vectors when their bit counts are known (stored with the encoding), the inner
   * loop of linkage: only the intersection is counted.
   */
  public static double similarity1024(long[] a, int cardinalityA, long[] b, int cardinalityB) {
    int common = 0;
    for (int i = 0; i < 16; i++) {
      common += Long.bitCount(a[i] & b[i]);
    }
    int total = cardinalityA + cardinalityB;
    return total == 0 ? 0.0 : 2.0 * common / total;
  }

  /**
   * Whether the Dice of two 1,024-bit vectors reaches a threshold given in thousandths, without a
   * division: {@code 2000·|A∧B| ≥ threshold·(|A|+|B|)}.
   */
  public static boolean atLeast1024(
      long[] a, int cardinalityA, long[] b, int cardinalityB, int thresholdThousandths) {
    int common = 0;
    for (int i = 0; i < 16; i++) {
      common += Long.bitCount(a[i] & b[i]);
    }
    return 2000 * common >= thresholdThousandths * (cardinalityA + cardinalityB);
  }

  /**
   * Dice of 256-bit vectors (document-number encodings) when their bit counts are known: four AND +
   * POPCNT.
   */
  public static double similarity256(long[] a, int cardinalityA, long[] b, int cardinalityB) {
    int common =
        Long.bitCount(a[0] & b[0])
            + Long.bitCount(a[1] & b[1])
            + Long.bitCount(a[2] & b[2])
            + Long.bitCount(a[3] & b[3]);
    int total = cardinalityA + cardinalityB;
    return total == 0 ? 0.0 : 2.0 * common / total;
  }

  /**
   * Whether the Dice of two 256-bit vectors reaches a threshold given in thousandths, without a
   * division: {@code 2000·|A∧B| ≥ threshold·(|A|+|B|)}. For document numbers, {@link
   * DocumentEncoder#ONE_EDIT_THRESHOLD} separates one edit from different numbers.
   */
  public static boolean atLeast256(
      long[] a, int cardinalityA, long[] b, int cardinalityB, int thresholdThousandths) {
    int common =
        Long.bitCount(a[0] & b[0])
            + Long.bitCount(a[1] & b[1])
            + Long.bitCount(a[2] & b[2])
            + Long.bitCount(a[3] & b[3]);
    return 2000 * common >= thresholdThousandths * (cardinalityA + cardinalityB);
  }

  /**
   * The candidates of a flat block whose Dice with {@code query} reaches a threshold given in
   * thousandths: the inner loop of linkage and of the benchmark. Candidate {@code c} occupies words
   * {@code 16c} to {@code 16c+15} of {@code block} (one array, no pointer per encoding, so the
   * candidates stream through the cache) and has {@code cardinalities[c]} bits set. The 16 words of
   * the query are held in locals, each comparison is 16 AND + POPCNT without a loop or a bounds
   * check, and the test {@code 2000·|A∧B| ≥ threshold·(|A|+|B|)} needs no division. Writes the
   * indices of the matching candidates, in order, to {@code matches} and returns how many there
   * are.
   *
   * @param count candidates in the block ({@code block.length ≥ 16·count})
   * @param matches room for up to {@code count} indices
   */
  public static int atLeast1024Block(
      long[] query,
      int queryCardinality,
      long[] block,
      int[] cardinalities,
      int count,
      int thresholdThousandths,
      int[] matches) {
    if (query.length != 16 || block.length < 16L * count || cardinalities.length < count) {
      throw new IllegalArgumentException("a block holds 16 words per candidate");
    }
    long q0 = query[0];
    long q1 = query[1];
    long q2 = query[2];
    long q3 = query[3];
    long q4 = query[4];
    long q5 = query[5];
    long q6 = query[6];
    long q7 = query[7];
    long q8 = query[8];
    long q9 = query[9];
    long q10 = query[10];
    long q11 = query[11];
    long q12 = query[12];
    long q13 = query[13];
    long q14 = query[14];
    long q15 = query[15];
    int found = 0;
    for (int c = 0; c < count; c++) {
      int at = c << 4;
      int common =
          Long.bitCount(q0 & block[at])
              + Long.bitCount(q1 & block[at + 1])
              + Long.bitCount(q2 & block[at + 2])
              + Long.bitCount(q3 & block[at + 3])
              + Long.bitCount(q4 & block[at + 4])
              + Long.bitCount(q5 & block[at + 5])
              + Long.bitCount(q6 & block[at + 6])
              + Long.bitCount(q7 & block[at + 7])
              + Long.bitCount(q8 & block[at + 8])
              + Long.bitCount(q9 & block[at + 9])
              + Long.bitCount(q10 & block[at + 10])
              + Long.bitCount(q11 & block[at + 11])
              + Long.bitCount(q12 & block[at + 12])
              + Long.bitCount(q13 & block[at + 13])
              + Long.bitCount(q14 & block[at + 14])
              + Long.bitCount(q15 & block[at + 15]);
      if (2000 * common >= thresholdThousandths * (queryCardinality + cardinalities[c])) {
        matches[found++] = c;
      }
    }
    return found;
  }

  public static int cardinality(long[] bits) {
    int count = 0;
    for (long word : bits) {
      count += Long.bitCount(word);
    }
    return count;
  }
}
