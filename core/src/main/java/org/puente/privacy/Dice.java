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

  public static int cardinality(long[] bits) {
    int count = 0;
    for (long word : bits) {
      count += Long.bitCount(word);
    }
    return count;
  }
}
