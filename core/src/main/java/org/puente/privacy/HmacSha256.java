package org.puente.privacy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA-256 (RFC 2104) with the inner and outer pad states computed once per key: each MAC then
 * costs two SHA-256 compressions for a short message instead of the four {@code javax.crypto.Mac}
 * spends re-hashing the pads. Thread-safe: the pad states are never mutated, only cloned.
 */
final class HmacSha256 {

  private static final int BLOCK = 64;

  private final MessageDigest inner;
  private final MessageDigest outer;

  HmacSha256(byte[] key) {
    if (key.length > BLOCK) {
      throw new IllegalArgumentException("HMAC keys here are at most 64 bytes");
    }
    byte[] ipad = new byte[BLOCK];
    byte[] opad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      byte k = i < key.length ? key[i] : 0;
      ipad[i] = (byte) (k ^ 0x36);
      opad[i] = (byte) (k ^ 0x5c);
    }
    inner = sha256();
    inner.update(ipad);
    outer = sha256();
    outer.update(opad);
  }

  /** The 32-byte MAC of {@code message}. */
  byte[] mac(byte[] message) {
    MessageDigest in = copy(inner);
    byte[] innerHash = in.digest(message);
    MessageDigest out = copy(outer);
    return out.digest(innerHash);
  }

  private static MessageDigest copy(MessageDigest prototype) {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
