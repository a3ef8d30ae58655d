package org.puente.privacy;

import java.util.random.RandomGenerator;

/**
 * Encodes a normalised document number into a 256-bit Bloom filter, hardened, so that record
 * linkage can tell a number mistyped by one character (substitution, insertion, deletion or
 * transposition) from a different number by Dice similarity, without the number in clear.
 *
 * <p>The scheme is the name encoding's ({@link BloomEncoder}) on a smaller filter: the bigrams of
 * the number padded with {@code _} at both ends ({@code A123} → {@code _A A1 12 23 3_}, as {@link
 * NameBigrams} pads one word), each setting {@code hashes} bits whose positions are the first bytes
 * of HMAC-SHA-256 under the network key of {@code dbf|v1|<bigram>} (one byte per position: the
 * filter has 256 bits). The domain separator differs from the names' {@code bf|v1|}, so a bigram
 * sets unrelated bits in the two encodings. After encoding every bit is flipped with probability
 * {@code flipProbability} (BLIP), the flips seeded by {@link #flipSeed} under its own context
 * {@code dblip|v1|}. docs/PRIVACY.md, "Document encoding", gives the parameters, the threshold, the
 * measured quality and cost, and the privacy argument.
 *
 * <p>The positions of the 37×37 bigrams over {@code _A-Z0-9} (every bigram of a number {@link
 * IdentifierNormaliser#documentNumber} makes from Latin text) are computed once per key and kept as
 * 4-word masks: encoding a number of n characters is n+1 times four word ORs. Others (letters
 * outside A-Z that normalisation keeps) are computed on first use and cached. Thread-safe; the
 * randomness comes from the caller.
 */
public final class DocumentEncoder {

  /**
   * Dice in thousandths at or above which two encodings of {@link
   * EncodingParameters#DOCUMENT_STANDARD} are "one edit apart or equal"; below it the numbers are
   * "different". Measured by {@code DocumentEncodingQuality} (bench), docs/PRIVACY.md.
   */
  public static final int ONE_EDIT_THRESHOLD = 550;

  private static final String ALPHABET = "_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int CACHE_LIMIT = 10_000;

  private final String keyId;
  private final HmacSha256 hmac;
  private final EncodingParameters parameters;

  /** The bigrams' positions, the ASCII ones as 4-word masks (44 KB). */
  private final BigramPositions bigrams;

  private final RandomisedResponse flips;

  public DocumentEncoder(NodeKey networkKey, EncodingParameters parameters) {
    networkKey.requirePurpose(KeyPurpose.NETWORK_LINKAGE);
    this.keyId = networkKey.id();
    this.hmac = new HmacSha256(networkKey.material());
    this.parameters = parameters;
    this.flips = new RandomisedResponse(DocumentEncoding.BITS, parameters.flipProbability());
    this.bigrams =
        new BigramPositions(
            hmac, "dbf|v1|", ALPHABET, DocumentEncoding.WORDS, parameters.hashes(), CACHE_LIMIT);
  }

  public String keyId() {
    return keyId;
  }

  public EncodingParameters parameters() {
    return parameters;
  }

  /**
   * The hardened encoding of a normalised document number ({@link
   * IdentifierNormaliser#documentNumber}, not empty); {@code random} draws the BLIP flips.
   */
  public DocumentEncoding encode(String number, RandomGenerator random) {
    return new DocumentEncoding(keyId, encodeBits(number, random));
  }

  /** The same as {@link #encode} as raw words, for the hot paths of evaluation and benchmarks. */
  public long[] encodeBits(String number, RandomGenerator random) {
    if (number.isEmpty()) {
      throw new IllegalArgumentException("an empty document number has no encoding");
    }
    long w0 = 0;
    long w1 = 0;
    long w2 = 0;
    long w3 = 0;
    long[] masks = bigrams.masks();
    int previous = '_';
    for (int i = 0; i <= number.length(); ) {
      int current;
      if (i == number.length()) {
        current = '_';
        i++;
      } else {
        current = number.codePointAt(i);
        i += Character.charCount(current);
      }
      int mask = bigrams.maskOffset(previous, current);
      if (mask >= 0) {
        w0 |= masks[mask];
        w1 |= masks[mask + 1];
        w2 |= masks[mask + 2];
        w3 |= masks[mask + 3];
      } else {
        for (int position : bigrams.positions(previous, current)) {
          long bit = 1L << position;
          switch (position >>> 6) {
            case 0 -> w0 |= bit;
            case 1 -> w1 |= bit;
            case 2 -> w2 |= bit;
            default -> w3 |= bit;
          }
        }
      }
      previous = current;
    }
    long[] bits = {w0, w1, w2, w3};
    flips.apply(bits, random);
    return bits;
  }

  /** The bit positions of one bigram: visible to tests of the format, never outside the node. */
  int[] positions(int first, int second) {
    return bigrams.positions(first, second);
  }

  /**
   * The seed of the BLIP flips of one stored document encoding: the first 8 bytes, big-endian, of
   * HMAC-SHA-256 under the network key of {@code dblip|v1|<context>}. Ingestion passes the same
   * context as for the name encoding (the file's content hash and the record reference); the
   * different prefix makes the two generators unrelated. Keyed for the reason {@link
   * BloomEncoder#flipSeed} gives.
   */
  public long flipSeed(String context) {
    return BigramPositions.flipSeed(hmac, "dblip|v1|", context);
  }
}
