package org.puente.privacy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives the match tokens of a record with the network linkage key. Same identifiers and same key
 * give the same tokens on every node; another key gives unrelated ones. Thread-safe.
 */
public final class TokenDeriver {

  static final int TOKEN_BYTES = 16;
  private static final int MEMO_LIMIT = 200_000;
  private static final Set<TokenKind> MEMOISED =
      EnumSet.of(
          TokenKind.SEX,
          TokenKind.BIRTH_YEAR,
          TokenKind.BIRTH_DATE,
          TokenKind.BIRTH_DATE_SWAPPED,
          TokenKind.FIRST_GIVEN_NAME,
          TokenKind.FIRST_SURNAME,
          TokenKind.GIVEN_NAMES,
          TokenKind.SURNAMES,
          TokenKind.BLOCK_SURNAME_YEAR,
          TokenKind.BLOCK_DATE_SEX);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String keyId;
  private final HmacSha256 hmac;
  private final Map<String, String> memo = new ConcurrentHashMap<>();

  public TokenDeriver(NodeKey networkKey) {
    networkKey.requirePurpose(KeyPurpose.NETWORK_LINKAGE);
    this.keyId = networkKey.id();
    this.hmac = new HmacSha256(networkKey.material());
  }

  public String keyId() {
    return keyId;
  }

  /** Every token the record's identifiers allow; a kind whose inputs are missing is absent. */
  public Map<TokenKind, MatchToken> tokens(PersonIdentifiers person) {
    Map<TokenKind, String> inputs = inputs(person);
    Map<TokenKind, MatchToken> tokens = new EnumMap<>(TokenKind.class);
    for (Map.Entry<TokenKind, String> input : inputs.entrySet()) {
      tokens.put(input.getKey(), token(input.getKey(), input.getValue()));
    }
    return tokens;
  }

  /**
   * The token of one documented input string (see {@link TokenKind}). Kinds whose values repeat
   * across records (sex, birth year and date, names, surname with year, date with sex) are memoised
   * in a bounded in-memory table (200,000 entries, about 40 MB): names follow a Zipf law and there
   * are only about 36,500 birth dates a century, so most records need only their document, name-set
   * and given-name-with-date HMACs. The table lives as long as this deriver, in the ingesting
   * process, like the clear values it is computed from.
   */
  public MatchToken token(TokenKind kind, String input) {
    if (!MEMOISED.contains(kind)) {
      return compute(kind, input);
    }
    // Keyed by input alone: BIRTH_DATE and BIRTH_DATE_SWAPPED share inputs and values.
    String value = memo.get(input);
    if (value == null) {
      value = compute(kind, input).value();
      if (memo.size() < MEMO_LIMIT) {
        memo.put(input, value);
      }
    }
    return new MatchToken(kind, keyId, value);
  }

  private MatchToken compute(TokenKind kind, String input) {
    byte[] mac = hmac.mac(input.getBytes(StandardCharsets.UTF_8));
    return new MatchToken(kind, keyId, encode(mac));
  }

  static String encode(byte[] mac) {
    byte[] truncated = new byte[TOKEN_BYTES];
    System.arraycopy(mac, 0, truncated, 0, TOKEN_BYTES);
    return BASE64URL.encodeToString(truncated);
  }

  /** The exact HMAC input strings, by kind: the documented token format. */
  public static Map<TokenKind, String> inputs(PersonIdentifiers person) {
    Map<TokenKind, String> inputs = new EnumMap<>(TokenKind.class);
    if (person.documentCountry().isPresent() && person.documentNumber().isPresent()) {
      inputs.put(
          TokenKind.DOCUMENT,
          "doc|" + person.documentCountry().get() + "|" + person.documentNumber().get());
    }
    String date = person.birthDate().map(LocalDate::toString).orElse(null);
    if (date != null) {
      LocalDate birth = person.birthDate().get();
      inputs.put(TokenKind.BIRTH_DATE, "dob|" + date);
      swapped(birth).ifPresent(s -> inputs.put(TokenKind.BIRTH_DATE_SWAPPED, "dob|" + s));
      inputs.put(TokenKind.BIRTH_YEAR, "yob|" + date.substring(0, 4));
    }
    String sex = person.sex().orElse(null);
    if (sex != null) {
      inputs.put(TokenKind.SEX, "sex|" + sex);
    }
    PersonName name = person.name();
    String given1 = name.givenNames().isEmpty() ? null : name.givenNames().get(0);
    String surname1 = name.surnames().isEmpty() ? null : name.surnames().get(0);
    if (given1 != null) {
      inputs.put(TokenKind.FIRST_GIVEN_NAME, "given1|" + given1);
      inputs.put(TokenKind.GIVEN_NAMES, "given|" + sortedWords(name.givenNames()));
    }
    if (surname1 != null) {
      inputs.put(TokenKind.FIRST_SURNAME, "surname1|" + surname1);
      inputs.put(TokenKind.SURNAMES, "surnames|" + sortedWords(name.surnames()));
    }
    if (!name.isEmpty()) {
      inputs.put(TokenKind.NAME_SET, "names|" + sortedWords(name.allWords()));
    }
    if (surname1 != null && date != null) {
      inputs.put(
          TokenKind.BLOCK_SURNAME_YEAR,
          "block|surname1-yob|" + surname1 + "|" + date.substring(0, 4));
    }
    if (given1 != null && date != null) {
      inputs.put(TokenKind.BLOCK_GIVEN_DATE, "block|given1-dob|" + given1 + "|" + date);
    }
    if (sex != null && date != null) {
      inputs.put(TokenKind.BLOCK_DATE_SEX, "block|dob-sex|" + date + "|" + sex);
    }
    return inputs;
  }

  private static Optional<String> swapped(LocalDate date) {
    if (date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()).toString());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String sortedWords(List<String> words) {
    // Most fields hold one or two words: no list, no sort.
    if (words.size() == 1) {
      return words.get(0);
    }
    if (words.size() == 2) {
      String a = words.get(0);
      String b = words.get(1);
      return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }
    List<String> sorted = new ArrayList<>(words);
    sorted.sort(null);
    return String.join(" ", sorted);
  }
}
