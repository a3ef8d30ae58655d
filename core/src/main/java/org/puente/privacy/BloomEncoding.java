package org.puente.privacy;

import static java.util.Objects.requireNonNull;

/** A 1,024-bit name encoding with the id of the key that made it. Immutable. */
public final class BloomEncoding {

  public static final int BITS = 1024;
  public static final int WORDS = BITS / 64;

  private final String keyId;
  private final long[] bits;
  private final int cardinality;

  public BloomEncoding(String keyId, long[] bits) {
    this.keyId = requireNonNull(keyId, "keyId is null");
    if (bits.length != WORDS) {
      throw new IllegalArgumentException("an encoding has " + WORDS + " words");
    }
    this.bits = bits.clone();
    this.cardinality = Dice.cardinality(this.bits);
  }

  public String keyId() {
    return keyId;
  }

  /** A copy of the 16 words. */
  public long[] bits() {
    return bits.clone();
  }

  public int cardinality() {
    return cardinality;
  }

  /** Dice similarity; encodings made with different keys are not comparable. */
  public double dice(BloomEncoding other) {
    if (!keyId.equals(other.keyId)) {
      throw new IllegalArgumentException(
          "encodings of keys " + keyId + " and " + other.keyId + " are not comparable");
    }
    return Dice.similarity1024(bits, cardinality, other.bits, other.cardinality);
  }

  /** The 128 bytes, big-endian words, base64url without padding: the stored form. */
  public String toBase64() {
    return BitVectors.toBase64(bits);
  }

  public static BloomEncoding fromBase64(String keyId, String base64) {
    return new BloomEncoding(keyId, BitVectors.fromBase64(base64, WORDS));
  }

  @Override
  public String toString() {
    return "BloomEncoding[" + keyId + ", " + cardinality + " bits set]";
  }
}
