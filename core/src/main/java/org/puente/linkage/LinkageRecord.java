package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import org.puente.residence.Direction;

/**
 * One record to link. Token fields are 64-bit digests of stored match tokens ({@link
 * TokenDigest#of}), 0 when absent. Arrays are not copied (records are built by the million); the
 * linker never writes to them, and callers must not either once a record is built.
 *
 * @param id the caller's record id, unique within a run; also the final tie-breaker
 * @param document digest of tok_document (country and number), 0 = missing
 * @param birthDate digest of tok_birth_date
 * @param birthDateSwapped digest of tok_birth_date_swapped (day and month exchanged, in
 *     BIRTH_DATE's format)
 * @param birthYear digest of tok_birth_year
 * @param firstGivenName digest of tok_first_given_name
 * @param firstSurname digest of tok_first_surname
 * @param givenNames digest of tok_given_names
 * @param surnames digest of tok_surnames
 * @param nameSet digest of tok_name_set
 * @param blockingKeys digests of the keys to block on; zeros are ignored
 * @param nameBloom the 1,024-bit hardened name encoding as 16 words, or null
 * @param documentBloom a 256-bit (4 words) bigram encoding of the document number, or null
 * @param sex SDMX code or null
 * @param citizenship ISO alpha-3 or null
 * @param eventSecond epoch seconds of the event; {@link Long#MIN_VALUE} when there is no time order
 * @param direction arrival or departure, or null for records that are not crossings
 * @param port port code or null
 * @param address the record's address, or null (no address comparison applies)
 */
public record LinkageRecord(
    long id,
    long document,
    long birthDate,
    long birthDateSwapped,
    long birthYear,
    long firstGivenName,
    long firstSurname,
    long givenNames,
    long surnames,
    long nameSet,
    long[] blockingKeys,
    long[] nameBloom,
    long[] documentBloom,
    String sex,
    String citizenship,
    long eventSecond,
    Direction direction,
    String port,
    LinkageAddress address)
    implements RecordFields {

  /** Words of {@link #nameBloom}. */
  public static final int NAME_BLOOM_WORDS = 16;

  /** Words of {@link #documentBloom}. */
  public static final int DOCUMENT_BLOOM_WORDS = 4;

  public LinkageRecord {
    requireNonNull(blockingKeys, "blockingKeys is null");
    if (nameBloom != null && nameBloom.length != NAME_BLOOM_WORDS) {
      throw new IllegalArgumentException("nameBloom has " + NAME_BLOOM_WORDS + " words");
    }
    if (documentBloom != null && documentBloom.length != DOCUMENT_BLOOM_WORDS) {
      throw new IllegalArgumentException("documentBloom has " + DOCUMENT_BLOOM_WORDS + " words");
    }
  }

  /** A record without an address. */
  public LinkageRecord(
      long id,
      long document,
      long birthDate,
      long birthDateSwapped,
      long birthYear,
      long firstGivenName,
      long firstSurname,
      long givenNames,
      long surnames,
      long nameSet,
      long[] blockingKeys,
      long[] nameBloom,
      long[] documentBloom,
      String sex,
      String citizenship,
      long eventSecond,
      Direction direction,
      String port) {
    this(
        id,
        document,
        birthDate,
        birthDateSwapped,
        birthYear,
        firstGivenName,
        firstSurname,
        givenNames,
        surnames,
        nameSet,
        blockingKeys,
        nameBloom,
        documentBloom,
        sex,
        citizenship,
        eventSecond,
        direction,
        port,
        null);
  }

  @Override
  public boolean hasNameBloom() {
    return nameBloom != null;
  }

  @Override
  public long nameBloomWord(int w) {
    return nameBloom[w];
  }

  @Override
  public boolean hasDocumentBloom() {
    return documentBloom != null;
  }

  @Override
  public long documentBloomWord(int w) {
    return documentBloom[w];
  }
}
