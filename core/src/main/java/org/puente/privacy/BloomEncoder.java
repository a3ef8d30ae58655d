package org.puente.privacy;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Encodes a name into a 1,024-bit Bloom filter for fuzzy matching (Schnell, Bachteler and Reiher
 * 2009), hardened.
 *
 * <p>Each bigram of {@link NameBigrams} sets {@code hashes} bits whose positions are read from
 * HMAC-SHA-256 under the network key of {@code bf|v1|<bigram>} (ten bits per position, two bytes
 * each). The positions are independent per bigram rather than double hashing, whose structure the
 * attacks of Niedermeyer et al. (2014) and Kroll and Steinmetzer (2015) exploit, and nobody without
 * the key can compute them. After encoding, every bit is flipped with probability {@code
 * flipProbability} (BLIP, Alaggan, Gambs and Kermarrec 2012; Schnell and Borgs 2016): identical
 * names then give different encodings, which defeats the frequency alignment of identical encodings
 * and blurs the bit-pattern statistics the pattern-mining attack of Christen, Ranbaduge, Vatsalan
 * and Schnell (2018) relies on. docs/PRIVACY.md gives the reasoning and the measured cost.
 *
 * <p>The positions of the 37×37 bigrams over {@code _a-z0-9} are computed once per key and kept as
 * 16-word masks, so that encoding a bigram is 16 word ORs; others are computed on first use and
 * cached. Thread-safe; the randomness comes from the caller.
 */
public final class BloomEncoder {

  private static final String ALPHABET = "_abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int CACHE_LIMIT = 100_000;

  private final String keyId;
  private final HmacSha256 hmac;
  private final EncodingParameters parameters;

  /** The HMAC input prefix of flip seeds: with the positions' prefix, the encoding's domain. */
  private final String flipDomain;

  /** The bigrams' positions, the ASCII ones as 16-word masks (175 KB). */
  private final BigramPositions bigrams;

  private final RandomisedResponse flips;

  /** The name encoder: positions from {@code bf|v1|<bigram>}, flip seeds from {@code blip|v1|}. */
  public BloomEncoder(NodeKey networkKey, EncodingParameters parameters) {
    this(networkKey, parameters, "bf|v1|", "blip|v1|");
  }

  /**
   * The street-address encoder: the same scheme over the words of a street address (number and
   * street lines, {@link IdentifierNormaliser#words}), with bit positions from {@code
   * abf|v1|<bigram>} and flip seeds from {@code ablip|v1|<context>}. The domains differ from the
   * names', so a bigram sets unrelated bits in the two encodings and the address encodings of a
   * lake tell nothing about the positions of the name encodings (docs/PRIVACY.md).
   */
  public static BloomEncoder forAddresses(NodeKey networkKey, EncodingParameters parameters) {
    return new BloomEncoder(networkKey, parameters, "abf|v1|", "ablip|v1|");
  }

  private BloomEncoder(
      NodeKey networkKey, EncodingParameters parameters, String positionDomain, String flipDomain) {
    networkKey.requirePurpose(KeyPurpose.NETWORK_LINKAGE);
    this.keyId = networkKey.id();
    this.hmac = new HmacSha256(networkKey.material());
    this.parameters = parameters;
    this.flipDomain = flipDomain;
    this.flips = new RandomisedResponse(BloomEncoding.BITS, parameters.flipProbability());
    this.bigrams =
        new BigramPositions(
            hmac, positionDomain, ALPHABET, BloomEncoding.WORDS, parameters.hashes(), CACHE_LIMIT);
  }

  public String keyId() {
    return keyId;
  }

  public EncodingParameters parameters() {
    return parameters;
  }

  /** The hardened encoding of a name's words; {@code random} draws the BLIP flips. */
  public BloomEncoding encode(List<String> words, RandomGenerator random) {
    return new BloomEncoding(keyId, encodeBits(words, random));
  }

  /** The same as {@link #encode} as raw words, for the hot paths of evaluation and benchmarks. */
  public long[] encodeBits(List<String> words, RandomGenerator random) {
    long[] bits = new long[BloomEncoding.WORDS];
    long[] masks = bigrams.masks();
    for (String word : words) {
      int previous = '_';
      for (int i = 0; i <= word.length(); ) {
        int current;
        if (i == word.length()) {
          current = '_';
          i++;
        } else {
          current = word.codePointAt(i);
          i += Character.charCount(current);
        }
        int mask = bigrams.maskOffset(previous, current);
        if (mask >= 0) {
          // The bigram's positions OR-ed in as one 16-word mask: no loop over scattered bits.
          for (int w = 0; w < BloomEncoding.WORDS; w++) {
            bits[w] |= masks[mask + w];
          }
        } else {
          for (int position : bigrams.positions(previous, current)) {
            bits[position >>> 6] |= 1L << position;
          }
        }
        previous = current;
      }
    }
    flips.apply(bits, random);
    return bits;
  }

  /** The bit positions of one bigram: visible to tests of the format, never outside the node. */
  int[] positions(int first, int second) {
    return bigrams.positions(first, second);
  }

  /**
   * The seed of the BLIP flips of one stored encoding: the first 8 bytes, big-endian, of
   * HMAC-SHA-256 under the network key of {@code blip|v1|<context>} ({@code ablip|v1|<context>} for
   * the address encoder). Ingestion passes the file's content hash and the record reference, so the
   * same file gives the same lake, while whoever reads the lake and the catalog (which hold both)
   * but not the key cannot recompute the flips and undo them. docs/PRIVACY.md gives the argument.
   */
  public long flipSeed(String context) {
    return BigramPositions.flipSeed(hmac, flipDomain, context);
  }
}
