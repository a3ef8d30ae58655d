package org.puente.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keyed bit positions of bigrams in a Bloom filter of {@code words} 64-bit words, shared by the
 * name and address encoder ({@link BloomEncoder}) and the document encoder ({@link
 * DocumentEncoder}). A bigram sets {@code hashes} bits whose positions are read from HMAC-SHA-256
 * under the network key of {@code <domain><bigram>}: one byte per position for a filter of 256 bits
 * or fewer, else two bytes, big-endian, masked to the filter's size.
 *
 * <p>The positions of the bigrams over {@code alphabet} (37×37 for both encoders) are computed once
 * per key and kept as masks of {@code words} words, laid out flat ({@link #masks}), so that
 * encoding such a bigram is {@code words} word ORs. Other bigrams are computed on first use and
 * cached, up to {@code cacheLimit} of them. Thread-safe.
 */
final class BigramPositions {

  private final HmacSha256 hmac;
  private final String domain;
  private final String alphabet;
  private final int[] asciiIndex;
  private final int words;
  private final int hashes;
  private final int positionBytes;
  private final int cacheLimit;
  private final int[][] asciiPositions;
  private final long[] masks;
  private final Map<String, int[]> otherPositions = new ConcurrentHashMap<>();

  BigramPositions(
      HmacSha256 hmac, String domain, String alphabet, int words, int hashes, int cacheLimit) {
    this.hmac = hmac;
    this.domain = domain;
    this.alphabet = alphabet;
    this.words = words;
    this.hashes = hashes;
    this.positionBytes = words * 64 <= 256 ? 1 : 2;
    this.cacheLimit = cacheLimit;
    asciiIndex = new int[128];
    Arrays.fill(asciiIndex, -1);
    for (int i = 0; i < alphabet.length(); i++) {
      asciiIndex[alphabet.charAt(i)] = i;
    }
    int n = alphabet.length();
    asciiPositions = new int[n * n][];
    masks = new long[n * n * words];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        int bigram = a * n + b;
        asciiPositions[bigram] = computePositions("" + alphabet.charAt(a) + alphabet.charAt(b));
        for (int position : asciiPositions[bigram]) {
          masks[bigram * words + (position >>> 6)] |= 1L << position;
        }
      }
    }
  }

  /** The masks of the alphabet's bigrams, {@code words} words each, from {@link #maskOffset}. */
  long[] masks() {
    return masks;
  }

  /**
   * Where the mask of the bigram ({@code first}, {@code second}) starts in {@link #masks}, or -1
   * when either character is outside the alphabet (then use {@link #positions}).
   */
  int maskOffset(int first, int second) {
    int a = first < 128 ? asciiIndex[first] : -1;
    int b = second < 128 ? asciiIndex[second] : -1;
    return a >= 0 && b >= 0 ? (a * alphabet.length() + b) * words : -1;
  }

  /** The bit positions of one bigram: visible to tests of the format, never outside the node. */
  int[] positions(int first, int second) {
    int a = first < 128 ? asciiIndex[first] : -1;
    int b = second < 128 ? asciiIndex[second] : -1;
    if (a >= 0 && b >= 0) {
      return asciiPositions[a * alphabet.length() + b];
    }
    String bigram = new StringBuilder().appendCodePoint(first).appendCodePoint(second).toString();
    int[] cached = otherPositions.get(bigram);
    if (cached != null) {
      return cached;
    }
    int[] computed = computePositions(bigram);
    if (otherPositions.size() < cacheLimit) {
      otherPositions.put(bigram, computed);
    }
    return computed;
  }

  private int[] computePositions(String bigram) {
    byte[] mac = hmac.mac((domain + bigram).getBytes(StandardCharsets.UTF_8));
    int[] positions = new int[hashes];
    for (int h = 0; h < positions.length; h++) {
      int position = 0;
      for (int k = 0; k < positionBytes; k++) {
        position = (position << 8) | (mac[h * positionBytes + k] & 0xff);
      }
      positions[h] = position & (words * 64 - 1);
    }
    return positions;
  }

  /**
   * The seed of the BLIP flips of one stored encoding: the first 8 bytes, big-endian, of
   * HMAC-SHA-256 under the network key of {@code <flipDomain><context>}.
   */
  static long flipSeed(HmacSha256 hmac, String flipDomain, String context) {
    byte[] mac = hmac.mac((flipDomain + context).getBytes(StandardCharsets.UTF_8));
    long seed = 0;
    for (int i = 0; i < 8; i++) {
      seed = (seed << 8) | (mac[i] & 0xff);
    }
    return seed;
  }
}
