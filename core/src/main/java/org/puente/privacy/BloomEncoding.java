package org.puente.privacy;

/** A 1,024-bit name encoding with the id of the key that made it. Immutable. */
public final class BloomEncoding extends KeyedEncoding {

  public static final int BITS = 1024;
  public static final int WORDS = BITS / 64;

  public BloomEncoding(String keyId, long[] bits) {
    super(keyId, bits, WORDS, "an encoding");
  }

  /** Dice similarity; encodings made with different keys are not comparable. */
  public double dice(BloomEncoding other) {
    requireSameKey(other);
    return Dice.similarity1024(bits, cardinality, other.bits, other.cardinality);
  }

  /** The 128 bytes of {@link #toBase64()} read back. */
  public static BloomEncoding fromBase64(String keyId, String base64) {
    return new BloomEncoding(keyId, BitVectors.fromBase64(base64, WORDS));
  }

  /**
   * The words of a stored encoding given as the base64url text (ASCII) in {@code base64}'s
   * remaining bytes, as {@link #fromBase64} reads them: how a derivation reads the lake's encodings
   * without making a string of each.
   */
  public static long[] bitsFromBase64(java.nio.ByteBuffer base64) {
    return BitVectors.fromBase64(base64, WORDS);
  }
}
