package org.puente.linkage;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.puente.privacy.BloomEncoding;
import org.puente.privacy.DocumentEncoding;

/**
 * The 64-bit digests the linker compares instead of stored strings. A stored match token is {@code
 * <key id>:<22 base64url characters of 16 bytes>} ({@code MatchToken.encoded()}); its digest is the
 * first 8 bytes of the decoded value, big-endian. 0 means absent, so a present token whose first 8
 * bytes are 0 (probability 2⁻⁶⁴) is mapped to 1. Tokens are HMAC outputs, so 64 of their bits
 * collide by accident with probability about n²/2⁶⁵: for 10⁸ distinct values, 3·10⁻⁴.
 */
public final class TokenDigest {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private TokenDigest() {}

  /** The digest of a stored token (with or without its key id); 0 for null or empty. */
  public static long of(String storedToken) {
    if (storedToken == null || storedToken.isEmpty()) {
      return 0;
    }
    byte[] bytes = BASE64URL.decode(value(storedToken));
    if (bytes.length < 8) {
      throw new IllegalArgumentException("a token holds at least 8 bytes");
    }
    long digest = 0;
    for (int i = 0; i < 8; i++) {
      digest = (digest << 8) | (bytes[i] & 0xff);
    }
    return digest == 0 ? 1 : digest;
  }

  /**
   * {@link #of(String)} of the stored token whose UTF-8 bytes are {@code bytes[from]} to {@code
   * bytes[to - 1]} (0 when empty): a token read without making a string of it.
   */
  public static long of(byte[] bytes, int from, int to) {
    if (from == to) {
      return 0;
    }
    ByteBuffer decoded = BASE64URL.decode(value(bytes, from, to));
    if (decoded.remaining() < 8) {
      throw new IllegalArgumentException("a token holds at least 8 bytes");
    }
    long digest = decoded.getLong();
    return digest == 0 ? 1 : digest;
  }

  /**
   * {@link #bloom(String)} of the stored encoding in {@code bytes[from]} to {@code bytes[to - 1]}.
   */
  public static long[] bloom(byte[] bytes, int from, int to) {
    return from == to ? null : BloomEncoding.bitsFromBase64(value(bytes, from, to));
  }

  /**
   * {@link #documentBloom(String)} of the stored encoding in {@code bytes[from]} to {@code bytes[to
   * - 1]}.
   */
  public static long[] documentBloom(byte[] bytes, int from, int to) {
    return from == to ? null : DocumentEncoding.bitsFromBase64(value(bytes, from, to));
  }

  /** The value after the key id's colon, if any, of the stored text in the range. */
  private static ByteBuffer value(byte[] bytes, int from, int to) {
    int start = from;
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == ':') {
        start = i + 1;
        break;
      }
    }
    return ByteBuffer.wrap(bytes, start, to - start);
  }

  /**
   * The 16 words of a stored name encoding ({@link BloomEncoding#toBase64}, optionally prefixed by
   * its key id and a colon); null for null or empty.
   */
  public static long[] bloom(String stored) {
    if (stored == null || stored.isEmpty()) {
      return null;
    }
    return BloomEncoding.fromBase64("stored", value(stored)).bits();
  }

  /** The 4 words of a stored 256-bit document encoding ({@code doc_bloom}), or null for none. */
  public static long[] documentBloom(String stored) {
    if (stored == null || stored.isEmpty()) {
      return null;
    }
    return DocumentEncoding.fromBase64("stored", value(stored)).bits();
  }

  /** Digests of several stored tokens, absent ones dropped: the blocking keys of a record. */
  public static long[] keys(String... storedTokens) {
    long[] keys = new long[storedTokens.length];
    int count = 0;
    for (String token : storedTokens) {
      long digest = of(token);
      if (digest != 0) {
        keys[count++] = digest;
      }
    }
    return java.util.Arrays.copyOf(keys, count);
  }

  private static String value(String stored) {
    int colon = stored.lastIndexOf(':');
    return colon < 0 ? stored : stored.substring(colon + 1);
  }
}
