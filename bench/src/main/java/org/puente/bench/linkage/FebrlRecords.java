package org.puente.bench.linkage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.puente.linkage.LinkageAddress;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.TokenDigest;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.IdentifierNormaliser;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.MatchToken;
import org.puente.privacy.NodeKey;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;
import org.puente.residence.Direction;

/**
 * FEBRL records (Christen 2008) turned into what the linker sees: match tokens derived with {@link
 * TokenDeriver}, the hardened name encoding of {@link BloomEncoder} (standard parameters), and the
 * hardened 256-bit document encoding of {@link DocumentEncoder}, as ingestion stores them, and the
 * address ({@link LinkageAddress}: keyed values and the hardened street encoding of {@link
 * BloomEncoder#forAddresses}). The document is {@code soc_sec_id} issued by a fixed country (AUS);
 * there is no sex, citizenship, time or port. The network key comes from a seed, so runs repeat
 * exactly.
 */
public final class FebrlRecords {

  /** The FEBRL files' CSV: a header row, values padded with spaces after the commas. */
  public static final CSVFormat FEBRL_CSV =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /** The records and the truth label (the FEBRL entity number) of each record id. */
  public record Loaded(List<LinkageRecord> records, Map<Long, String> truth) {}

  private final TokenDeriver deriver;
  private final BloomEncoder encoder;
  private final DocumentEncoder documents;
  private final BloomEncoder addresses;
  private final boolean withAddresses;

  /** Records with FEBRL's addresses unless {@code -Daddresses=false}. */
  public FebrlRecords(long keySeed) {
    this(keySeed, Boolean.parseBoolean(System.getProperty("addresses", "true")));
  }

  public FebrlRecords(long keySeed, boolean withAddresses) {
    NodeKey key = key(keySeed);
    this.deriver = new TokenDeriver(key);
    this.encoder = new BloomEncoder(key, EncodingParameters.STANDARD);
    this.documents = new DocumentEncoder(key, EncodingParameters.DOCUMENT_STANDARD);
    this.addresses = BloomEncoder.forAddresses(key, EncodingParameters.STANDARD);
    this.withAddresses = withAddresses;
  }

  /** The records of the files, in file order, ids 0, 1, 2, ... across the files. */
  public Loaded load(Path... files) throws IOException {
    List<LinkageRecord> records = new ArrayList<>();
    Map<Long, String> truth = new LinkedHashMap<>();
    for (Path file : files) {
      for (CSVRecord row : rows(file)) {
        long id = records.size();
        records.add(record(id, row));
        truth.put(id, row.get("rec_id").split("-")[1]);
      }
    }
    return new Loaded(records, truth);
  }

  private LinkageRecord record(long id, CSVRecord row) {
    String context = "febrl|" + row.get("rec_id");
    LinkageAddress address = withAddresses ? address(row, addresses.flipSeed(context)) : null;
    return record(
        id,
        row.get("given_name"),
        row.get("surname"),
        date(row.get("date_of_birth")),
        row.get("soc_sec_id"),
        null,
        null,
        Long.MIN_VALUE,
        null,
        null,
        encoderSeed(context),
        address,
        address == null || !ADDRESS_KEYS ? new long[0] : addressKeys(row, address));
  }

  /** Whether records with an address also block on it ({@code -DaddressKeys=false}: not). */
  private static final boolean ADDRESS_KEYS =
      Boolean.parseBoolean(System.getProperty("addressKeys", "true"));

  /**
   * The blocking keys of an address: the street value itself, and {@code
   * block|postcode-number|<postcode>|<street number>}. Both are about one dwelling, so blocks stay
   * household-sized in any population, and they find duplicates whose names, date and document are
   * all corrupted (docs/LINKAGE.md).
   */
  private long[] addressKeys(CSVRecord row, LinkageAddress address) {
    List<String> postcode = IdentifierNormaliser.words(row.get("postcode"));
    List<String> number = IdentifierNormaliser.words(row.get("street_number"));
    long postcodeNumber =
        postcode.isEmpty() || number.isEmpty()
            ? 0
            : TokenDigest.of(
                deriver.value(
                    "block|postcode-number|"
                        + String.join(" ", postcode)
                        + "|"
                        + String.join(" ", number)));
    return new long[] {address.street(), postcodeNumber};
  }

  /**
   * The address as ingestion would store it: the keyed street value and its hardened encoding
   * ({@link BloomEncoder#forAddresses}, standard parameters) of street number, address_1 and
   * address_2; the keyed postcode, suburb and state. Null when the row has none of them.
   */
  private LinkageAddress address(CSVRecord row, long flipSeed) {
    List<String> street =
        IdentifierNormaliser.words(
            row.get("street_number") + " " + row.get("address_1") + " " + row.get("address_2"));
    long postcode = keyed("postcode|", row.get("postcode"));
    long locality = keyed("locality|", row.get("suburb"));
    long region = keyed("region|", row.get("state"));
    if (street.isEmpty() && postcode == 0 && locality == 0 && region == 0) {
      return null;
    }
    return new LinkageAddress(
        street.isEmpty() ? 0 : TokenDigest.of(deriver.value("street|" + String.join(" ", street))),
        street.isEmpty() ? null : addresses.encodeBits(street, new SplittableRandom(flipSeed)),
        postcode,
        locality,
        region);
  }

  /** The digest of the keyed value of a field's normalised words, 0 when it has none. */
  private long keyed(String prefix, String raw) {
    List<String> words = IdentifierNormaliser.words(raw);
    return words.isEmpty() ? 0 : TokenDigest.of(deriver.value(prefix + String.join(" ", words)));
  }

  /** The seed of a record's BLIP flips, keyed like ingestion's. */
  long encoderSeed(String context) {
    return encoder.flipSeed(context);
  }

  /** A record of clear identifiers, as ingestion would store it (document issued by AUS). */
  public LinkageRecord record(
      long id,
      String given,
      String surname,
      LocalDate birthDate,
      String documentNumber,
      String sex,
      String citizenship,
      long eventSecond,
      Direction direction,
      String port,
      long flipSeed) {
    return record(
        id,
        given,
        surname,
        birthDate,
        documentNumber,
        sex,
        citizenship,
        eventSecond,
        direction,
        port,
        flipSeed,
        null,
        new long[0]);
  }

  private LinkageRecord record(
      long id,
      String given,
      String surname,
      LocalDate birthDate,
      String documentNumber,
      String sex,
      String citizenship,
      long eventSecond,
      Direction direction,
      String port,
      long flipSeed,
      LinkageAddress address,
      long[] addressKeys) {
    PersonIdentifiers person =
        PersonIdentifiers.fromRaw(given, surname, "AUS", documentNumber, birthDate, sex);
    Map<TokenKind, MatchToken> tokens = deriver.tokens(person);
    long[] nameBloom =
        person.name().isEmpty()
            ? null
            : encoder.encodeBits(person.name().allWords(), new SplittableRandom(flipSeed));
    // Hardened as ingestion stores it, with flips of their own per record.
    long[] documentBloom =
        person
            .documentNumber()
            .map(number -> documents.encodeBits(number, new SplittableRandom(~flipSeed)))
            .orElse(null);
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
        concat(keys(tokens), addressKeys),
        nameBloom,
        documentBloom,
        sex,
        citizenship,
        eventSecond,
        direction,
        port,
        address);
  }

  /** The blocking keys: surname with year, given name with date, document, name set, date. */
  static long[] keys(Map<TokenKind, MatchToken> tokens) {
    if (Boolean.getBoolean("nameKeys")) {
      return new long[] {
        digest(tokens, TokenKind.BLOCK_SURNAME_YEAR),
        digest(tokens, TokenKind.BLOCK_GIVEN_DATE),
        digest(tokens, TokenKind.DOCUMENT),
        digest(tokens, TokenKind.NAME_SET),
        digest(tokens, TokenKind.BIRTH_DATE),
        digest(tokens, TokenKind.FIRST_SURNAME),
        digest(tokens, TokenKind.FIRST_GIVEN_NAME)
      };
    }
    return new long[] {
      digest(tokens, TokenKind.BLOCK_SURNAME_YEAR),
      digest(tokens, TokenKind.BLOCK_GIVEN_DATE),
      digest(tokens, TokenKind.DOCUMENT),
      digest(tokens, TokenKind.NAME_SET),
      digest(tokens, TokenKind.BIRTH_DATE)
    };
  }

  private static long[] concat(long[] a, long[] b) {
    long[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static long digest(Map<TokenKind, MatchToken> tokens, TokenKind kind) {
    MatchToken token = tokens.get(kind);
    return token == null ? 0 : TokenDigest.of(token.encoded());
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip(), BASIC);
    } catch (DateTimeParseException e) {
      return null; // a corrupted date (month 13, day 31 of a short month): missing
    }
  }

  private static List<CSVRecord> rows(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return FEBRL_CSV.parse(reader).getRecords();
    }
  }

  /** A network key made from a seed: for evaluation only, never for a node. */
  static NodeKey key(long seed) {
    byte[] material = new byte[NodeKey.LENGTH_BYTES];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < material.length; i++) {
      material[i] = (byte) random.nextInt(256);
    }
    return NodeKey.of(KeyPurpose.NETWORK_LINKAGE, Instant.EPOCH, material);
  }
}
