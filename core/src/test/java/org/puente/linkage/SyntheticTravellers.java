package org.puente.linkage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.IdentifierNormaliser;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.MatchToken;
import org.puente.privacy.NodeKey;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;

/**
 * Seeded synthetic travellers and their crossings, turned into linkage records by the real token
 * deriver and name encoder: each person has random names (Zipf-like, so some are common), a birth
 * date, a document, a sex and a citizenship; each crossing copies them with typos and missing
 * values, alternates arrival and departure, and happens at one of a few ports.
 */
final class SyntheticTravellers {

  static final NodeKey KEY = key();
  private static final TokenDeriver DERIVER = new TokenDeriver(KEY);
  private static final BloomEncoder ENCODER = new BloomEncoder(KEY, EncodingParameters.STANDARD);
  private static final BloomEncoder ADDRESSES =
      BloomEncoder.forAddresses(KEY, EncodingParameters.STANDARD);
  private static final String[] PORTS = {"P1", "P2", "P3", "P4"};
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  /** The records and each record's person. */
  record Data(List<LinkageRecord> records, Map<Long, String> truth) {}

  private SyntheticTravellers() {}

  static Data generate(int persons, RandomGenerator random) {
    List<String> surnames = words(120, random);
    List<String> givens = words(80, random);
    List<LinkageRecord> records = new ArrayList<>();
    Map<Long, String> truth = new HashMap<>();
    for (int p = 0; p < persons; p++) {
      String given = givens.get(zipf(givens.size(), random));
      String surname = surnames.get(zipf(surnames.size(), random));
      LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365));
      String document = Long.toString(10_000_000L + random.nextInt(90_000_000));
      String sex = random.nextBoolean() ? "F" : "M";
      String citizenship = random.nextInt(4) == 0 ? "JAM" : "BLZ";
      int crossings = 1 + random.nextInt(6);
      long second = START + random.nextInt(180 * 86_400);
      boolean arriving = random.nextBoolean();
      for (int c = 0; c < crossings; c++) {
        long id = records.size();
        records.add(
            record(
                id,
                typo(given, 0.08, random),
                typo(surname, 0.08, random),
                random.nextInt(20) == 0 ? null : birth,
                random.nextInt(10) == 0 ? null : typo(document, 0.03, random),
                sex,
                citizenship,
                second,
                arriving
                    ? org.puente.residence.Direction.ARRIVAL
                    : org.puente.residence.Direction.DEPARTURE,
                PORTS[random.nextInt(PORTS.length)],
                random));
        truth.put(id, "person-" + p);
        second += 3_600 + random.nextInt(40 * 86_400);
        arriving = !arriving;
      }
    }
    return new Data(records, truth);
  }

  /** A record of the given clear identifiers, as ingestion would make it. */
  static LinkageRecord record(
      long id,
      String given,
      String surname,
      LocalDate birth,
      String document,
      String sex,
      String citizenship,
      long second,
      org.puente.residence.Direction direction,
      String port,
      RandomGenerator random) {
    PersonIdentifiers person =
        PersonIdentifiers.fromRaw(given, surname, "BLZ", document, birth, sex);
    Map<TokenKind, MatchToken> tokens = DERIVER.tokens(person);
    long[] bloom =
        person.name().isEmpty()
            ? null
            : ENCODER.encodeBits(person.name().allWords(), new SplittableRandom(random.nextLong()));
    return new LinkageRecord(
        id,
        digest(tokens, TokenKind.DOCUMENT),
        digest(tokens, TokenKind.BIRTH_DATE),
        digest(tokens, TokenKind.BIRTH_DATE_SWAPPED),
        digest(tokens, TokenKind.BIRTH_YEAR),
        digest(tokens, TokenKind.FIRST_GIVEN_NAME),
        digest(tokens, TokenKind.FIRST_SURNAME),
        digest(tokens, TokenKind.GIVEN_NAMES),
        digest(tokens, TokenKind.SURNAMES),
        digest(tokens, TokenKind.NAME_SET),
        new long[] {
          digest(tokens, TokenKind.BLOCK_SURNAME_YEAR),
          digest(tokens, TokenKind.BLOCK_GIVEN_DATE),
          digest(tokens, TokenKind.BLOCK_DATE_SEX),
          digest(tokens, TokenKind.DOCUMENT)
        },
        bloom,
        null,
        sex,
        citizenship,
        second,
        direction,
        port);
  }

  /**
   * The record with an address encoded as the FEBRL benchmark encodes one: keyed street, postcode,
   * locality and region values and the hardened street encoding (null or blank parts absent).
   */
  static LinkageRecord withAddress(
      LinkageRecord record,
      String street,
      String postcode,
      String locality,
      String region,
      RandomGenerator random) {
    List<String> words = IdentifierNormaliser.words(street == null ? "" : street);
    LinkageAddress address =
        new LinkageAddress(
            keyed("street|", street),
            words.isEmpty()
                ? null
                : ADDRESSES.encodeBits(words, new SplittableRandom(random.nextLong())),
            keyed("postcode|", postcode),
            keyed("locality|", locality),
            keyed("region|", region));
    return new LinkageRecord(
        record.id(),
        record.document(),
        record.birthDate(),
        record.birthDateSwapped(),
        record.birthYear(),
        record.firstGivenName(),
        record.firstSurname(),
        record.givenNames(),
        record.surnames(),
        record.nameSet(),
        record.blockingKeys(),
        record.nameBloom(),
        record.documentBloom(),
        record.sex(),
        record.citizenship(),
        record.eventSecond(),
        record.direction(),
        record.port(),
        address);
  }

  private static long keyed(String prefix, String raw) {
    List<String> words = IdentifierNormaliser.words(raw == null ? "" : raw);
    return words.isEmpty() ? 0 : TokenDigest.of(DERIVER.value(prefix + String.join(" ", words)));
  }

  static long digest(Map<TokenKind, MatchToken> tokens, TokenKind kind) {
    MatchToken token = tokens.get(kind);
    return token == null ? 0 : TokenDigest.of(token.encoded());
  }

  private static List<String> words(int count, RandomGenerator random) {
    List<String> words = new ArrayList<>();
    while (words.size() < count) {
      StringBuilder word = new StringBuilder();
      int length = 4 + random.nextInt(6);
      for (int i = 0; i < length; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      if (!words.contains(word.toString())) {
        words.add(word.toString());
      }
    }
    return words;
  }

  /** An index in [0, n) with probability about proportional to 1 / (index + 1). */
  private static int zipf(int n, RandomGenerator random) {
    double u = random.nextDouble() * Math.log(n + 1.0);
    return Math.min(n - 1, (int) Math.floor(Math.exp(u)) - 1);
  }

  /** The text with one character replaced, with the given probability. */
  private static String typo(String text, double probability, RandomGenerator random) {
    if (random.nextDouble() >= probability) {
      return text;
    }
    int at = random.nextInt(text.length());
    char replacement =
        Character.isDigit(text.charAt(at))
            ? (char) ('0' + random.nextInt(10))
            : (char) ('a' + random.nextInt(26));
    return text.substring(0, at) + replacement + text.substring(at + 1);
  }

  private static NodeKey key() {
    byte[] material = new byte[NodeKey.LENGTH_BYTES];
    for (int i = 0; i < material.length; i++) {
      material[i] = (byte) (7 * i + 3);
    }
    return NodeKey.of(KeyPurpose.NETWORK_LINKAGE, Instant.EPOCH, material);
  }
}
