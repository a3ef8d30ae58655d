package org.puente.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds clear identifiers in text and bytes: the pure half of the leak detector that the tests of
 * every module run over what they wrote (the node module scans directories with it).
 *
 * <p>The text is folded like names are ({@link IdentifierNormaliser}: accents, case, punctuation),
 * so {@code GARCÍA}, {@code garcia} and {@code Garcia,} all match the name {@code García}.
 *
 * <ul>
 *   <li>Names: each normalised name word of at least {@code minNameLength} letters (default 3,
 *       particles excluded) that stands as a whole word (letters and digits around it break it).
 *   <li>Document numbers: the normalised number (letters and digits, at least 5) written with or
 *       without separators ({@code A1234567}, {@code a-123-4567}).
 *   <li>Birth dates: {@code 1990-03-12}, {@code 1990/3/12}, {@code 19900312}, {@code 12/03/1990},
 *       {@code 03/12/1990}, {@code 12.3.1990}, {@code 12031990}, {@code 12 Mar 1990}, {@code 12 de
 *       marzo de 1990}, {@code March 12, 1990} (English, Spanish, French month names). Two-digit
 *       years and binary date encodings are not looked for.
 * </ul>
 *
 * Findings never contain the identifier itself, only its kind and a masked hint.
 */
public final class LeakMatcher {

  /** What kind of identifier was found. */
  public enum Kind {
    NAME,
    DOCUMENT_NUMBER,
    BIRTH_DATE
  }

  /** One identifier found; {@code hint} is masked ({@code g****a}), never the value. */
  public record Finding(Kind kind, String hint) {
    public Finding {
      requireNonNull(kind, "kind is null");
      requireNonNull(hint, "hint is null");
    }
  }

  private static final Map<String, Integer> MONTHS = months();
  private static final Set<String> DATE_FILLERS = Set.of("de", "of", "the", "le", "del");

  private final Set<String> names;
  private final Set<String> documents;
  private final Set<LocalDate> birthDates;

  private LeakMatcher(Set<String> names, Set<String> documents, Set<LocalDate> birthDates) {
    this.names = Set.copyOf(names);
    this.documents = Set.copyOf(documents);
    this.birthDates = Set.copyOf(birthDates);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the identifiers that went in. */
  public static final class Builder {
    private int minNameLength = 3;
    private final Set<String> names = new HashSet<>();
    private final Set<String> documents = new HashSet<>();
    private final Set<LocalDate> birthDates = new HashSet<>();

    private Builder() {}

    /** Name words shorter than this are not looked for (they occur in ordinary text). */
    public Builder minNameLength(int length) {
      this.minNameLength = length;
      return this;
    }

    /** A raw name field (given names or surnames, one or several words). */
    public Builder name(String raw) {
      for (String word : IdentifierNormaliser.nameWords(raw)) {
        if (word.length() >= minNameLength && !IdentifierNormaliser.PARTICLES.contains(word)) {
          names.add(word);
        }
      }
      return this;
    }

    /** A raw document number; numbers shorter than 5 letters and digits are not looked for. */
    public Builder documentNumber(String raw) {
      String number = IdentifierNormaliser.documentNumber(raw);
      if (number.length() >= 5) {
        documents.add(number);
      }
      return this;
    }

    public Builder birthDate(LocalDate date) {
      birthDates.add(requireNonNull(date, "date is null"));
      return this;
    }

    public LeakMatcher build() {
      return new LeakMatcher(names, documents, birthDates);
    }
  }

  /** Whether nothing at all is being looked for. */
  public boolean isEmpty() {
    return names.isEmpty() && documents.isEmpty() && birthDates.isEmpty();
  }

  /**
   * The identifiers found in raw bytes of unknown encoding: each well-formed UTF-8 sequence is read
   * as UTF-8 and every other byte as Latin-1. Reading the whole text both ways instead made a UTF-8
   * {@code é} into Latin-1 {@code Ã©}, and so {@code Américas} into the name word {@code ama}.
   */
  public Set<Finding> find(byte[] bytes) {
    if (isAscii(bytes)) {
      return find(new String(bytes, StandardCharsets.US_ASCII));
    }
    return find(decodeMixed(bytes));
  }

  /** UTF-8 where the bytes are well-formed UTF-8, Latin-1 byte by byte elsewhere. */
  static String decodeMixed(byte[] bytes) {
    StringBuilder text = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i] & 0xff;
      int length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
      if (lead < 0x80 || length == 1 || i + length > bytes.length) {
        text.append((char) lead);
        i++;
        continue;
      }
      int codePoint = lead & (0xff >> (length + 1));
      boolean wellFormed = true;
      for (int k = 1; k < length && wellFormed; k++) {
        int next = bytes[i + k] & 0xff;
        wellFormed = (next & 0xc0) == 0x80;
        codePoint = (codePoint << 6) | (next & 0x3f);
      }
      int smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
      wellFormed &=
          codePoint >= smallest
              && codePoint <= 0x10ffff
              && (codePoint < 0xd800 || codePoint > 0xdfff);
      if (wellFormed) {
        text.appendCodePoint(codePoint);
        i += length;
      } else {
        text.append((char) lead);
        i++;
      }
    }
    return text.toString();
  }

  /** The identifiers found in a text. */
  public Set<Finding> find(String text) {
    Set<Finding> found = new LinkedHashSet<>();
    String folded = IdentifierNormaliser.fold(text, false);
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= folded.length(); i++) {
      if (i == folded.length() || folded.charAt(i) == ' ') {
        if (i > start) {
          String word = folded.substring(start, i);
          if (names.contains(word)) {
            found.add(new Finding(Kind.NAME, mask(word)));
          }
          splitLettersAndDigits(word, pieces);
        }
        start = i + 1;
      }
    }
    findDocuments(pieces, found);
    findDates(pieces, found);
    return found;
  }

  private void findDocuments(List<String> pieces, Set<Finding> found) {
    if (documents.isEmpty()) {
      return;
    }
    for (int i = 0; i < pieces.size(); i++) {
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < Math.min(pieces.size(), i + 6); j++) {
        joined.append(pieces.get(j));
        String candidate = joined.toString().toUpperCase(Locale.ROOT);
        if (documents.contains(candidate)) {
          found.add(new Finding(Kind.DOCUMENT_NUMBER, mask(candidate)));
        }
      }
    }
  }

  private void findDates(List<String> allPieces, Set<Finding> found) {
    if (birthDates.isEmpty()) {
      return;
    }
    List<String> p = new ArrayList<>(allPieces.size());
    for (String piece : allPieces) {
      if (!DATE_FILLERS.contains(piece)) {
        p.add(piece);
      }
    }
    for (int i = 0; i < p.size(); i++) {
      String a = p.get(i);
      if (isDigits(a) && a.length() == 8) {
        check(found, num(a, 0, 4), num(a, 4, 6), num(a, 6, 8));
        check(found, num(a, 4, 8), num(a, 2, 4), num(a, 0, 2));
        check(found, num(a, 4, 8), num(a, 0, 2), num(a, 2, 4));
      }
      if (i + 2 >= p.size()) {
        continue;
      }
      String b = p.get(i + 1);
      String c = p.get(i + 2);
      if (isDigits(a) && isDigits(c)) {
        if (isDigits(b) && a.length() == 4 && b.length() <= 2 && c.length() <= 2) {
          check(found, num(a), num(b), num(c));
        }
        if (isDigits(b) && c.length() == 4 && a.length() <= 2 && b.length() <= 2) {
          check(found, num(c), num(b), num(a));
          check(found, num(c), num(a), num(b));
        }
        if (MONTHS.containsKey(b) && a.length() <= 2 && c.length() == 4) {
          check(found, num(c), MONTHS.get(b), num(a));
        }
      }
      if (MONTHS.containsKey(a) && isDigits(b) && isDigits(c)) {
        if (b.length() <= 2 && c.length() == 4) {
          check(found, num(c), MONTHS.get(a), num(b));
        }
      }
    }
  }

  private void check(Set<Finding> found, int year, int month, int day) {
    try {
      LocalDate date = LocalDate.of(year, month, day);
      if (birthDates.contains(date)) {
        found.add(new Finding(Kind.BIRTH_DATE, "a birth date in " + (year / 10) + "0s"));
      }
    } catch (DateTimeException e) {
      // Not a date: digits that only look like one.
    }
  }

  private static void splitLettersAndDigits(String word, List<String> pieces) {
    int start = 0;
    for (int i = 1; i <= word.length(); i++) {
      if (i == word.length()
          || Character.isDigit(word.charAt(i)) != Character.isDigit(word.charAt(i - 1))) {
        pieces.add(word.substring(start, i));
        start = i;
      }
    }
  }

  private static boolean isDigits(String piece) {
    return !piece.isEmpty() && piece.charAt(0) >= '0' && piece.charAt(0) <= '9';
  }

  private static int num(String digits) {
    return digits.length() > 9 ? -1 : Integer.parseInt(digits);
  }

  private static int num(String digits, int from, int to) {
    return Integer.parseInt(digits, from, to, 10);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String mask(String value) {
    if (value.length() <= 2) {
      return "*".repeat(value.length());
    }
    return value.charAt(0) + "*".repeat(value.length() - 2) + value.charAt(value.length() - 1);
  }

  private static Map<String, Integer> months() {
    String[][] names = {
      {"jan", "january", "ene", "enero", "janv", "janvier"},
      {"feb", "february", "febrero", "fev", "fevr", "fevrier"},
      {"mar", "march", "marzo", "mars"},
      {"apr", "april", "abr", "abril", "avr", "avril"},
      {"may", "mayo", "mai"},
      {"jun", "june", "junio", "juin"},
      {"jul", "july", "julio", "juil", "juillet"},
      {"aug", "august", "ago", "agosto", "aout"},
      {"sep", "sept", "september", "septiembre", "setiembre", "septembre"},
      {"oct", "october", "octubre", "octobre"},
      {"nov", "november", "noviembre", "novembre"},
      {"dec", "december", "dic", "diciembre", "decembre"}
    };
    java.util.HashMap<String, Integer> months = new java.util.HashMap<>();
    for (int m = 0; m < names.length; m++) {
      for (String name : names[m]) {
        months.put(name, m + 1);
      }
    }
    return Map.copyOf(months);
  }
}
