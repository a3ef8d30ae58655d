package org.puente.privacy;

import java.util.Base64;

/** The stored form of the encodings' bit vectors: big-endian words, base64url without padding. */
final class BitVectors {

  private BitVectors() {}

  static String toBase64(long[] words) {
    byte[] bytes = new byte[words.length * 8];
    for (int w = 0; w < words.length; w++) {
      for (int b = 0; b < 8; b++) {
        bytes[w * 8 + b] = (byte) (words[w] >>> (56 - 8 * b));
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The words of a stored vector that must hold exactly {@code wordCount} words. */
  static long[] fromBase64(String base64, int wordCount) {
    return words(Base64.getUrlDecoder().decode(base64), wordCount);
  }

  /**
   * {@link #fromBase64(String, int)} of the base64url text (ASCII) in {@code base64}'s remaining
   * bytes: a stored vector read without making a string of it.
   */
  static long[] fromBase64(java.nio.ByteBuffer base64, int wordCount) {
    java.nio.ByteBuffer decoded = Base64.getUrlDecoder().decode(base64);
    byte[] bytes = new byte[decoded.remaining()];
    decoded.get(bytes);
    return words(bytes, wordCount);
  }

  private static long[] words(byte[] bytes, int wordCount) {
    if (bytes.length != wordCount * 8) {
      throw new IllegalArgumentException("an encoding is " + wordCount * 8 + " bytes");
    }
    long[] words = new long[wordCount];
    for (int w = 0; w < wordCount; w++) {
      long word = 0;
      for (int b = 0; b < 8; b++) {
        word = (word << 8) | (bytes[w * 8 + b] & 0xff);
      }
      words[w] = word;
    }
    return words;
  }
}
