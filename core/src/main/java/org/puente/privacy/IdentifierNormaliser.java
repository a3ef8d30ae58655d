package org.puente.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns raw names and document numbers into the canonical strings that tokens and encodings are
 * computed from. The rules are part of the token format (docs/PRIVACY.md): changing one changes
 * every token, so they are versioned with it.
 *
 * <ol>
 *   <li>Unicode NFD, combining marks removed ({@code Ñ} → {@code N}, {@code é} → {@code e}); the
 *       letters NFD does not decompose are spelled out ({@code ß} → {@code ss}, {@code æ} → {@code
 *       ae}, {@code ø} → {@code o}, {@code œ} → {@code oe}, {@code ł} → {@code l}, {@code đ} →
 *       {@code d}, {@code þ} → {@code th}).
 *   <li>Lower case (names) or upper case (document numbers), locale-independent.
 *   <li>Apostrophes vanish ({@code O'Brien} → {@code obrien}); every other run of characters that
 *       are not letters or digits separates words ({@code Jean-Pierre} → {@code jean pierre}).
 *   <li>Name particles are dropped ({@code de}, {@code del}, {@code de la}, {@code de los}, {@code
 *       y}, {@code van}, ...), unless nothing else is left ({@code Le} stays a surname).
 *   <li>Document numbers keep letters and digits only ({@code A-123 456} → {@code A123456}).
 * </ol>
 */
public final class IdentifierNormaliser {

  /** Particles dropped from names; each is a whole word, so "de la" drops as "de" and "la". */
  public static final Set<String> PARTICLES =
      Set.of(
          "de", "del", "la", "las", "los", "el", "da", "das", "do", "dos", "di", "du", "y", "e",
          "van", "von", "der", "den", "le", "les");

  private IdentifierNormaliser() {}

  /**
   * Raw name fields seen recently and their words: names follow a Zipf law, so most fields of an
   * export repeat one seen before. Bounded (16,384 entries), thread-safe, holds immutable lists.
   */
  private static final DirectMappedMemo<List<String>> NAME_WORDS = new DirectMappedMemo<>(14);

  /** The words of a name field, normalised, particles removed; empty for a blank field. */
  public static List<String> nameWords(String raw) {
    List<String> words = NAME_WORDS.get(raw, 0);
    if (words == null) {
      words = List.copyOf(normaliseNameWords(raw));
      NAME_WORDS.put(raw, 0, words);
    }
    return words;
  }

  /** {@link #nameWords} without the memo: the reference its tests compare with. */
  static List<String> normaliseNameWords(String raw) {
    List<String> words = splitWords(fold(raw, false));
    List<String> kept = new ArrayList<>(words.size());
    for (String word : words) {
      if (!PARTICLES.contains(word)) {
        kept.add(word);
      }
    }
    return kept.isEmpty() ? words : kept;
  }

  /**
   * The words of a free-text identifier such as a street address or a place name, folded as names
   * are (marks removed, lower case, apostrophes removed, other non-alphanumerics separate words)
   * but with nothing dropped; empty for a blank field.
   */
  public static List<String> words(String raw) {
    return splitWords(fold(raw, false));
  }

  /** A document number reduced to upper-case letters and digits; empty if none are left. */
  public static String documentNumber(String raw) {
    String folded = fold(raw, true);
    StringBuilder kept = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c != ' ') {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /**
   * Folds text: marks removed, special letters spelled out, case mapped, apostrophes removed, every
   * other run of non-letters and non-digits one space, trimmed.
   */
  static String fold(String raw, boolean upper) {
    return foldDecomposed(decompose(raw), upper);
  }

  /** The same through {@link Normalizer} always: the reference the fast path is tested against. */
  static String foldWithNormalizer(String raw, boolean upper) {
    return foldDecomposed(Normalizer.normalize(raw, Normalizer.Form.NFD), upper);
  }

  /**
   * NFD. Text of Latin-1 and Latin Extended-A characters (every Spanish, French and Portuguese
   * name) is decomposed from a table made once with {@link Normalizer}: each of those characters
   * decomposes to a base letter and its marks, so the NFD of the text is the concatenation of the
   * per-character NFDs, at a fraction of the cost of normalising the whole string.
   */
  private static String decompose(String raw) {
    boolean ascii = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= TABLE_END) {
        return Normalizer.normalize(raw, Normalizer.Form.NFD);
      }
      ascii &= c < 128;
    }
    if (ascii) {
      return raw;
    }
    StringBuilder decomposed = new StringBuilder(raw.length() + 4);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 128) {
        decomposed.append(c);
      } else {
        decomposed.append(DECOMPOSITIONS[c - 128]);
      }
    }
    return decomposed.toString();
  }

  private static final char TABLE_END = 0x180;
  private static final String[] DECOMPOSITIONS = decompositions();

  private static String[] decompositions() {
    String[] table = new String[TABLE_END - 128];
    for (char c = 128; c < TABLE_END; c++) {
      table[c - 128] = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    }
    return table;
  }

  private static String foldDecomposed(String decomposed, boolean upper) {
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSpace = false;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (isMark(c) || isApostrophe(c)) {
        continue;
      }
      if (c < 128 ? isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c)) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        appendLetter(out, c, upper);
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  private static void appendLetter(StringBuilder out, int c, boolean upper) {
    String spelled =
        switch (c) {
          case 'ß', 'ẞ' -> "ss";
          case 'æ', 'Æ' -> "ae";
          case 'œ', 'Œ' -> "oe";
          case 'ø', 'Ø' -> "o";
          case 'ł', 'Ł' -> "l";
          case 'đ', 'Đ' -> "d";
          case 'þ', 'Þ' -> "th";
          case 'ı' -> "i";
          default -> null;
        };
    if (spelled != null) {
      out.append(upper ? spelled.toUpperCase(Locale.ROOT) : spelled);
    } else if (c < 128) {
      char ascii = (char) c;
      out.append(upper ? Character.toUpperCase(ascii) : Character.toLowerCase(ascii));
    } else {
      out.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
  }

  private static boolean isMark(int c) {
    if (c < 0x300) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isApostrophe(int c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00b4';
  }

  private static List<String> splitWords(String folded) {
    List<String> words = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= folded.length(); i++) {
      if (i == folded.length() || folded.charAt(i) == ' ') {
        if (i > start) {
          words.add(folded.substring(start, i));
        }
        start = i + 1;
      }
    }
    return words;
  }
}
