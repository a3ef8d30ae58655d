package org.puente.privacy;

import static java.util.Objects.requireNonNull;

/**
 * A 256-bit document-number encoding with the id of the key that made it. Immutable. The stored
 * form is {@link #toBase64()}: 32 bytes, 43 characters.
 */
public final class DocumentEncoding {

  public static final int BITS = 256;
  public static final int WORDS = BITS / 64;

  private final String keyId;
  private final long[] bits;
  private final int cardinality;

  public DocumentEncoding(String keyId, long[] bits) {
    this.keyId = requireNonNull(keyId, "keyId is null");
    if (bits.length != WORDS) {
      throw new IllegalArgumentException("a document encoding has " + WORDS + " words");
    }
    this.bits = bits.clone();
    this.cardinality = Dice.cardinality(this.bits);
  }

  public String keyId() {
    return keyId;
  }

  /** A copy of the 4 words. */
  public long[] bits() {
    return bits.clone();
  }

  public int cardinality() {
    return cardinality;
  }

  /** Dice similarity; encodings made with different keys are not comparable. */
  public double dice(DocumentEncoding other) {
    if (!keyId.equals(other.keyId)) {
      throw new IllegalArgumentException(
          "encodings of keys " + keyId + " and " + other.keyId + " are not comparable");
    }
    return Dice.similarity256(bits, cardinality, other.bits, other.cardinality);
  }

  /** The 32 bytes, big-endian words, base64url without padding: the stored form. */
  public String toBase64() {
    return BitVectors.toBase64(bits);
  }

  public static DocumentEncoding fromBase64(String keyId, String base64) {
    return new DocumentEncoding(keyId, BitVectors.fromBase64(base64, WORDS));
  }

  @Override
  public String toString() {
    return "DocumentEncoding[" + keyId + ", " + cardinality + " bits set]";
  }
}
