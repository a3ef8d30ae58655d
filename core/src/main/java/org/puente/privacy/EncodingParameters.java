package org.puente.privacy;

/**
 * Parameters of a bigram Bloom encoding — the 1,024-bit name encoding ({@link BloomEncoder}) or the
 * 256-bit document-number encoding ({@link DocumentEncoder}); part of the encoding format
 * (docs/PRIVACY.md).
 *
 * @param hashes bit positions set per bigram (1 to 16)
 * @param flipProbability BLIP hardening: the probability with which each bit of the encoding is
 *     flipped, independently, after encoding (0 turns hardening off)
 */
public record EncodingParameters(int hashes, double flipProbability) {

  /** The defaults, chosen by the FEBRL4 and attack evaluation in docs/PRIVACY.md. */
  public static final EncodingParameters STANDARD = new EncodingParameters(15, 0.01);

  /** The same encoding without hardening, for the evaluation only. */
  public static final EncodingParameters UNHARDENED = new EncodingParameters(15, 0.0);

  /**
   * The document-number encoding's defaults, chosen by {@code DocumentEncodingQuality} (bench):
   * docs/PRIVACY.md, "Document encoding".
   */
  public static final EncodingParameters DOCUMENT_STANDARD = new EncodingParameters(8, 0.02);

  public EncodingParameters {
    if (hashes < 1 || hashes > 16) {
      throw new IllegalArgumentException("hashes must be 1 to 16, not " + hashes);
    }
    if (!(flipProbability >= 0.0 && flipProbability < 0.5)) {
      throw new IllegalArgumentException("flipProbability must be in [0, 0.5)");
    }
  }
}
