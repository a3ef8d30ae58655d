package org.puente.privacy;

import static java.util.Objects.requireNonNull;

/**
 * A hardened Bloom encoding of a fixed number of 64-bit words with the id of the key that made it:
 * what the name encoding ({@link BloomEncoding}) and the document encoding ({@link
 * DocumentEncoding}) share. Immutable; the stored form is {@link #toBase64()}.
 */
abstract class KeyedEncoding {

  private final String keyId;
  final long[] bits;
  final int cardinality;

  KeyedEncoding(String keyId, long[] bits, int words, String what) {
    this.keyId = requireNonNull(keyId, "keyId is null");
    if (bits.length != words) {
      throw new IllegalArgumentException(what + " has " + words + " words");
    }
    this.bits = bits.clone();
    this.cardinality = Dice.cardinality(this.bits);
  }

  public String keyId() {
    return keyId;
  }

  /** A copy of the words. */
  public long[] bits() {
    return bits.clone();
  }

  public int cardinality() {
    return cardinality;
  }

  /** The bytes, big-endian words, base64url without padding: the stored form. */
  public String toBase64() {
    return BitVectors.toBase64(bits);
  }

  /** Encodings made with different keys are not comparable. */
  void requireSameKey(KeyedEncoding other) {
    if (!keyId.equals(other.keyId)) {
      throw new IllegalArgumentException(
          "encodings of keys " + keyId + " and " + other.keyId + " are not comparable");
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + keyId + ", " + cardinality + " bits set]";
  }
}
