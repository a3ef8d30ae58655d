package org.puente.privacy;

/**
 * A 256-bit document-number encoding with the id of the key that made it. Immutable. The stored
 * form is {@link #toBase64()}: 32 bytes, 43 characters.
 */
public final class DocumentEncoding extends KeyedEncoding {

  public static final int BITS = 256;
  public static final int WORDS = BITS / 64;

  public DocumentEncoding(String keyId, long[] bits) {
    super(keyId, bits, WORDS, "a document encoding");
  }

  /** Dice similarity; encodings made with different keys are not comparable. */
  public double dice(DocumentEncoding other) {
    requireSameKey(other);
    return Dice.similarity256(bits, cardinality, other.bits, other.cardinality);
  }

  /** The 32 bytes of {@link #toBase64()} read back. */
  public static DocumentEncoding fromBase64(String keyId, String base64) {
    return new DocumentEncoding(keyId, BitVectors.fromBase64(base64, WORDS));
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
