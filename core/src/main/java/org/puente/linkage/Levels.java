package org.puente.linkage;

/**
 * The agreement pattern of a pair: the level of every comparison, packed {@value Comparison#BITS}
 * bits per comparison in declaration order. Depends only on the level thresholds of the settings,
 * so it is computed the same way for u sampling, EM and scoring.
 */
final class Levels {

  private static final int DOCUMENT_SHIFT = Comparison.BITS * Comparison.DOCUMENT.ordinal();
  private static final int NAME_SHIFT = Comparison.BITS * Comparison.NAME.ordinal();
  private static final int BIRTH_SHIFT = Comparison.BITS * Comparison.BIRTH_DATE.ordinal();
  private static final int SEX_SHIFT = Comparison.BITS * Comparison.SEX.ordinal();
  private static final int CITIZENSHIP_SHIFT = Comparison.BITS * Comparison.CITIZENSHIP.ordinal();
  private static final int ADDRESS_SHIFT = Comparison.BITS * Comparison.ADDRESS.ordinal();
  private static final int LOCALITY_SHIFT = Comparison.BITS * Comparison.LOCALITY.ordinal();

  /**
   * Dice of the street encodings for the address {@code high} level: one mistyped or missing
   * character in a street of two or three words. Fixed, not a setting: addresses are not a Puente
   * field, and the FEBRL measurement of docs/LINKAGE.md is what chose it.
   */
  static final double ADDRESS_HIGH = 0.8;

  /** Dice for the address {@code medium} level: a word missing or replaced. */
  static final double ADDRESS_MEDIUM = 0.6;

  private final double nameHigh;
  private final double nameMedium;
  private final double nameLow;
  private final double documentSimilar;

  Levels(LinkageSettings settings) {
    this.nameHigh = settings.nameHigh();
    this.nameMedium = settings.nameMedium();
    this.nameLow = settings.nameLow();
    this.documentSimilar = settings.documentSimilar();
  }

  int pattern(RecordFields a, RecordFields b) {
    return document(a, b) << DOCUMENT_SHIFT
        | name(a, b) << NAME_SHIFT
        | birthDate(a, b) << BIRTH_SHIFT
        | code(a.sex(), b.sex()) << SEX_SHIFT
        | code(a.citizenship(), b.citizenship()) << CITIZENSHIP_SHIFT
        | address(a.address(), b.address()) << ADDRESS_SHIFT
        | locality(a.address(), b.address()) << LOCALITY_SHIFT;
  }

  /** 1 exact, 2 similar, 3 different, 0 missing. */
  private int document(RecordFields a, RecordFields b) {
    if (a.document() == 0 || b.document() == 0) {
      return Comparison.MISSING;
    }
    if (a.document() == b.document()) {
      return 1;
    }
    long overlap = overlap(a, b, true);
    int total = (int) overlap;
    if (total > 0 && 2.0 * (overlap >>> 32) >= documentSimilar * total) {
      return 2;
    }
    return 3;
  }

  /**
   * 1 exact name set, 2 Dice high, 3 Dice medium, 4 first surname and first given name equal, 5
   * first surname equal, 6 first given name equal, 7 Dice low, 8 different, 0 missing.
   */
  private int name(RecordFields a, RecordFields b) {
    if (a.nameSet() == 0 || b.nameSet() == 0) {
      return Comparison.MISSING;
    }
    if (a.nameSet() == b.nameSet()) {
      return 1;
    }
    long overlap = overlap(a, b, false);
    int total = (int) overlap;
    double twice = 2.0 * (overlap >>> 32);
    if (total > 0 && twice >= nameHigh * total) {
      return 2;
    }
    if (total > 0 && twice >= nameMedium * total) {
      return 3;
    }
    boolean surname = a.firstSurname() != 0 && a.firstSurname() == b.firstSurname();
    boolean given = a.firstGivenName() != 0 && a.firstGivenName() == b.firstGivenName();
    if (surname && given) {
      return 4;
    }
    if (surname) {
      return 5;
    }
    if (given) {
      return 6;
    }
    if (total > 0 && twice >= nameLow * total) {
      return 7;
    }
    return 8;
  }

  /** 1 exact, 2 swapped day and month, 3 same year, 4 different, 0 missing. */
  private static int birthDate(RecordFields a, RecordFields b) {
    if (a.birthDate() == 0 || b.birthDate() == 0) {
      return Comparison.MISSING;
    }
    if (a.birthDate() == b.birthDate()) {
      return 1;
    }
    if (a.birthDateSwapped() != 0 && a.birthDateSwapped() == b.birthDate()
        || b.birthDateSwapped() != 0 && b.birthDateSwapped() == a.birthDate()) {
      return 2;
    }
    if (a.birthYear() != 0 && a.birthYear() == b.birthYear()) {
      return 3;
    }
    return 4;
  }

  /**
   * Two records' name encodings' (or, with {@code document}, document encodings') common set bits
   * (high 32 bits) and the sum of both encodings' set bits (low 32 bits), from which Dice = 2 ·
   * common / sum; 0 when either is absent.
   */
  private static long overlap(RecordFields a, RecordFields b, boolean document) {
    boolean present =
        document
            ? a.hasDocumentBloom() && b.hasDocumentBloom()
            : a.hasNameBloom() && b.hasNameBloom();
    if (!present) {
      return 0;
    }
    long common = 0;
    long total = 0;
    int words = document ? LinkageRecord.DOCUMENT_BLOOM_WORDS : LinkageRecord.NAME_BLOOM_WORDS;
    for (int w = 0; w < words; w++) {
      long x = document ? a.documentBloomWord(w) : a.nameBloomWord(w);
      long y = document ? b.documentBloomWord(w) : b.nameBloomWord(w);
      common += Long.bitCount(x & y);
      total += Long.bitCount(x) + Long.bitCount(y);
    }
    return common << 32 | total;
  }

  /** The same counts for two street encodings (addresses are only ever in the heap). */
  private static long overlap(long[] x, long[] y) {
    if (x == null || y == null) {
      return 0;
    }
    long common = 0;
    long total = 0;
    for (int w = 0; w < LinkageRecord.NAME_BLOOM_WORDS; w++) {
      common += Long.bitCount(x[w] & y[w]);
      total += Long.bitCount(x[w]) + Long.bitCount(y[w]);
    }
    return common << 32 | total;
  }

  /** 1 exact, 2 Dice high, 3 Dice medium, 4 different, 0 missing. */
  private static int address(LinkageAddress a, LinkageAddress b) {
    if (a == null || b == null || a.street() == 0 || b.street() == 0) {
      return Comparison.MISSING;
    }
    if (a.street() == b.street()) {
      return 1;
    }
    long overlap = overlap(a.streetBloom(), b.streetBloom());
    int total = (int) overlap;
    long common = overlap >>> 32;
    if (total > 0 && 2.0 * common >= ADDRESS_HIGH * total) {
      return 2;
    }
    if (total > 0 && 2.0 * common >= ADDRESS_MEDIUM * total) {
      return 3;
    }
    return 4;
  }

  /**
   * 1 postcode and locality equal, 2 postcode equal, 3 locality equal, 4 region equal, 5 different;
   * 0 missing when either record has none of the three.
   */
  private static int locality(LinkageAddress a, LinkageAddress b) {
    if (a == null || b == null || !hasLocality(a) || !hasLocality(b)) {
      return Comparison.MISSING;
    }
    boolean postcode = a.postcode() != 0 && a.postcode() == b.postcode();
    boolean locality = a.locality() != 0 && a.locality() == b.locality();
    if (postcode && locality) {
      return 1;
    }
    if (postcode) {
      return 2;
    }
    if (locality) {
      return 3;
    }
    if (a.region() != 0 && a.region() == b.region()) {
      return 4;
    }
    return 5;
  }

  private static boolean hasLocality(LinkageAddress address) {
    return address.postcode() != 0 || address.locality() != 0 || address.region() != 0;
  }

  /** 1 equal, 2 different, 0 missing. */
  private static int code(String a, String b) {
    if (a == null || b == null) {
      return Comparison.MISSING;
    }
    return a.equals(b) ? 1 : 2;
  }
}
