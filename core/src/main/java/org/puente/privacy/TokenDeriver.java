package org.puente.privacy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the match tokens of a record with the network linkage key. Same identifiers and same key
 * give the same tokens on every node; another key gives unrelated ones. Thread-safe.
 */
public final class TokenDeriver {

  static final int TOKEN_BYTES = 16;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** Birth dates memoised by day: 1900-01-01 up to 2099-12-31 (73,049 days). */
  private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();

  private static final int DAYS = (int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST_DAY);
  private static final int FIRST_YEAR = 1900;
  private static final int YEARS = 200;

  /** Slots of each name memo: 2^14 = 16,384. */
  private static final int NAME_MEMO_BITS = 14;

  private final String keyId;
  private final HmacSha256 hmac;

  // The memo of repeated values (see tokens()). Plain arrays written racily: a slot holds null or
  // an immutable String, so a reader sees either and a lost write only costs a recomputation.
  private final String[] dateTokens = new String[DAYS];
  private final String[] yearTokens = new String[YEARS];
  private final String[][] dateSexTokens = {new String[DAYS], new String[DAYS]};
  private final String[] sexTokens = new String[2];
  private final DirectMappedMemo<String> firstGiven = new DirectMappedMemo<>(NAME_MEMO_BITS);
  private final DirectMappedMemo<String> firstSurname = new DirectMappedMemo<>(NAME_MEMO_BITS);
  private final DirectMappedMemo<String> givenNames = new DirectMappedMemo<>(NAME_MEMO_BITS);
  private final DirectMappedMemo<String> surnames = new DirectMappedMemo<>(NAME_MEMO_BITS);
  private final DirectMappedMemo<String> surnameYear = new DirectMappedMemo<>(NAME_MEMO_BITS);

  public TokenDeriver(NodeKey networkKey) {
    networkKey.requirePurpose(KeyPurpose.NETWORK_LINKAGE);
    this.keyId = networkKey.id();
    this.hmac = new HmacSha256(networkKey.material());
  }

  public String keyId() {
    return keyId;
  }

  /**
   * Every token the record's identifiers allow; a kind whose inputs are missing is absent. The
   * result equals {@link #token} of each of {@link #inputs}, which tests check on random records.
   *
   * <p>Values that repeat across records are memoised so that they are not HMACed again: birth
   * date, year, sex and date with sex in tables indexed by day and year (birth dates of 1900 to
   * 2099; about 36,500 dates a century), the name kinds (first given name, first surname, given
   * names, surnames, surname with year) in bounded direct-mapped tables of 16,384 entries each,
   * which keep the frequent names of a Zipf law. Most records then need only their document,
   * name-set and given-name-with-date HMACs. The memo holds at most about 300,000 values (under 25
   * MB) and lives as long as this deriver, in the ingesting process, like the clear values it is
   * computed from.
   */
  public Map<TokenKind, MatchToken> tokens(PersonIdentifiers person) {
    Map<TokenKind, MatchToken> tokens = new EnumMap<>(TokenKind.class);
    if (person.documentCountry().isPresent() && person.documentNumber().isPresent()) {
      put(
          tokens,
          TokenKind.DOCUMENT,
          compute("doc|" + person.documentCountry().get() + "|" + person.documentNumber().get()));
    }
    LocalDate birth = person.birthDate().orElse(null);
    String sex = person.sex().orElse(null);
    String date = birth == null ? null : isoDate(birth);
    if (birth != null) {
      put(tokens, TokenKind.BIRTH_DATE, dateToken(birth, date));
      LocalDate swapped = swappedDate(birth);
      if (swapped != null) {
        put(tokens, TokenKind.BIRTH_DATE_SWAPPED, dateToken(swapped, null));
      }
      put(tokens, TokenKind.BIRTH_YEAR, yearToken(birth.getYear(), date));
    }
    if (sex != null) {
      put(tokens, TokenKind.SEX, sexToken(sex));
    }
    PersonName name = person.name();
    String given1 = name.givenNames().isEmpty() ? null : name.givenNames().get(0);
    String surname1 = name.surnames().isEmpty() ? null : name.surnames().get(0);
    if (given1 != null) {
      put(tokens, TokenKind.FIRST_GIVEN_NAME, memoised(firstGiven, "given1|", given1));
      put(
          tokens,
          TokenKind.GIVEN_NAMES,
          memoised(givenNames, "given|", sortedWords(name.givenNames())));
    }
    if (surname1 != null) {
      put(tokens, TokenKind.FIRST_SURNAME, memoised(firstSurname, "surname1|", surname1));
      put(
          tokens,
          TokenKind.SURNAMES,
          memoised(surnames, "surnames|", sortedWords(name.surnames())));
    }
    if (!name.isEmpty()) {
      put(tokens, TokenKind.NAME_SET, compute("names|" + sortedWords(name.allWords())));
    }
    if (surname1 != null && date != null) {
      int year = birth.getYear();
      String value = surnameYear.get(surname1, year);
      if (value == null) {
        value = compute("block|surname1-yob|" + surname1 + "|" + date.substring(0, 4));
        surnameYear.put(surname1, year, value);
      }
      put(tokens, TokenKind.BLOCK_SURNAME_YEAR, value);
    }
    if (given1 != null && date != null) {
      put(tokens, TokenKind.BLOCK_GIVEN_DATE, compute("block|given1-dob|" + given1 + "|" + date));
    }
    if (sex != null && date != null) {
      put(tokens, TokenKind.BLOCK_DATE_SEX, dateSexToken(birth, date, sex));
    }
    return tokens;
  }

  /** The token of one documented input string (see {@link TokenKind}), never memoised. */
  public MatchToken token(TokenKind kind, String input) {
    return new MatchToken(kind, keyId, compute(input));
  }

  /**
   * The keyed value of a documented input that is not one of a record's {@link TokenKind} columns:
   * the address tokens of data sets that carry addresses ({@code street|}, {@code postcode|},
   * {@code locality|}, {@code region|}: docs/LINKAGE.md). Computed exactly as a token's value (16
   * bytes of HMAC-SHA-256 under the network key, base64url), never memoised; the input's prefix
   * must differ from every kind's so that values of two kinds never meet.
   */
  public String value(String input) {
    return compute(input);
  }

  private void put(Map<TokenKind, MatchToken> tokens, TokenKind kind, String value) {
    tokens.put(kind, new MatchToken(kind, keyId, value));
  }

  private String compute(String input) {
    return encode(hmac.mac(input.getBytes(StandardCharsets.UTF_8)));
  }

  private String memoised(DirectMappedMemo<String> memo, String prefix, String words) {
    String value = memo.get(words, 0);
    if (value == null) {
      value = compute(prefix + words);
      memo.put(words, 0, value);
    }
    return value;
  }

  /** The token of {@code dob|<date>}; {@code text} is the date's ISO form if already made. */
  private String dateToken(LocalDate date, String text) {
    int day = dayIndex(date);
    String value = day < 0 ? null : dateTokens[day];
    if (value == null) {
      value = compute("dob|" + (text != null ? text : isoDate(date)));
      if (day >= 0) {
        dateTokens[day] = value;
      }
    }
    return value;
  }

  private String yearToken(int year, String date) {
    int index = year - FIRST_YEAR;
    boolean inRange = index >= 0 && index < YEARS;
    String value = inRange ? yearTokens[index] : null;
    if (value == null) {
      value = compute("yob|" + date.substring(0, 4));
      if (inRange) {
        yearTokens[index] = value;
      }
    }
    return value;
  }

  private String sexToken(String sex) {
    int index = sexIndex(sex);
    String value = index < 0 ? null : sexTokens[index];
    if (value == null) {
      value = compute("sex|" + sex);
      if (index >= 0) {
        sexTokens[index] = value;
      }
    }
    return value;
  }

  private String dateSexToken(LocalDate birth, String date, String sex) {
    int index = sexIndex(sex);
    int day = dayIndex(birth);
    boolean memo = index >= 0 && day >= 0;
    String value = memo ? dateSexTokens[index][day] : null;
    if (value == null) {
      value = compute("block|dob-sex|" + date + "|" + sex);
      if (memo) {
        dateSexTokens[index][day] = value;
      }
    }
    return value;
  }

  /** 0 and 1 for the SDMX codes F and M, the only ones memoised; -1 otherwise. */
  private static int sexIndex(String sex) {
    if (sex.length() != 1) {
      return -1;
    }
    return switch (sex.charAt(0)) {
      case 'F' -> 0;
      case 'M' -> 1;
      default -> -1;
    };
  }

  private static int dayIndex(LocalDate date) {
    long day = date.toEpochDay() - FIRST_DAY;
    return day >= 0 && day < DAYS ? (int) day : -1;
  }

  /** {@link LocalDate#toString} without its StringBuilder for the years 1000 to 9999. */
  static String isoDate(LocalDate date) {
    int year = date.getYear();
    if (year < 1000 || year > 9999) {
      return date.toString();
    }
    int month = date.getMonthValue();
    int day = date.getDayOfMonth();
    byte[] text = {
      (byte) ('0' + year / 1000),
      (byte) ('0' + year / 100 % 10),
      (byte) ('0' + year / 10 % 10),
      (byte) ('0' + year % 10),
      '-',
      (byte) ('0' + month / 10),
      (byte) ('0' + month % 10),
      '-',
      (byte) ('0' + day / 10),
      (byte) ('0' + day % 10)
    };
    return new String(text, StandardCharsets.ISO_8859_1);
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
      LocalDate swapped = swappedDate(birth);
      if (swapped != null) {
        inputs.put(TokenKind.BIRTH_DATE_SWAPPED, "dob|" + swapped);
      }
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

  /** The date with day and month exchanged, when the day is 1 to 12 and differs; else null. */
  private static LocalDate swappedDate(LocalDate date) {
    if (date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
      return null;
    }
    // Always valid: the new month is 1 to 12 and the new day at most 12.
    return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
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
