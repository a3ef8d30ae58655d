package org.puente.linkage;

/**
 * The address of a record, for data sets that have one (FEBRL's; Puente's border records have none,
 * and a record without an address scores exactly as it did before addresses existed). Token fields
 * are 64-bit digests ({@link TokenDigest#of}) of keyed values, 0 when absent; docs/LINKAGE.md gives
 * their inputs. The array is not copied, as in {@link LinkageRecord}.
 *
 * @param street digest of the street address's keyed value ({@code street|<words>}: number and
 *     street lines, {@link org.puente.privacy.IdentifierNormaliser#words}, joined by one space)
 * @param streetBloom the 1,024-bit hardened street-address encoding ({@link
 *     org.puente.privacy.BloomEncoder#forAddresses}) as 16 words, or null
 * @param postcode digest of {@code postcode|<words>}
 * @param locality digest of {@code locality|<words>} (suburb, town)
 * @param region digest of {@code region|<words>} (state, province)
 */
public record LinkageAddress(
    long street, long[] streetBloom, long postcode, long locality, long region) {

  public LinkageAddress {
    if (streetBloom != null && streetBloom.length != LinkageRecord.NAME_BLOOM_WORDS) {
      throw new IllegalArgumentException(
          "streetBloom has " + LinkageRecord.NAME_BLOOM_WORDS + " words");
    }
  }
}
