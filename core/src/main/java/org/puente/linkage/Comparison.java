package org.puente.linkage;

import java.util.List;

/**
 * The comparisons of the Fellegi–Sunter model, each with its agreement levels from the strongest
 * agreement down. Level 0 of every comparison is "missing" (a value absent on either side): it is
 * never estimated and weighs 0 bits, so a missing value neither helps nor hurts a pair. Levels 1
 * and up are {@link #levels()} in order; a pair takes the first level whose condition holds.
 */
public enum Comparison {
  /** Document token equal; document bigram encodings at least {@code documentSimilar} Dice. */
  DOCUMENT(List.of("exact", "similar", "different")),
  /**
   * Name-set token equal; name encodings' Dice at least the high or medium threshold; first surname
   * and first given name tokens both equal ({@code first names}: the same person written with or
   * without a second surname or middle name, whose Dice falls below medium); first surname token
   * equal; first given name token equal; Dice at least the low threshold. The token levels tell
   * which part of a name that is otherwise different agrees, which Dice over all words cannot (one
   * Bloom encoding holds given names and surnames together).
   */
  NAME(List.of("exact", "high", "medium", "first names", "surname", "given", "low", "different")),
  /** Birth date equal; day and month exchanged; year equal. */
  BIRTH_DATE(List.of("exact", "swapped", "year", "different")),
  /** Sex code equal. */
  SEX(List.of("agree", "disagree")),
  /** Citizenship code equal. */
  CITIZENSHIP(List.of("agree", "disagree")),
  /**
   * Street address ({@link LinkageAddress#street}) token equal; street encodings' Dice at least 0.8
   * (high) or 0.6 (medium). Missing unless both records have a street address: Puente's border
   * records have none, so it never applies to them.
   */
  ADDRESS(List.of("exact", "high", "medium", "different"), true),
  /**
   * Postcode and locality equal ({@code both}); postcode equal; locality equal; region equal.
   * Missing unless both records have at least one of the three.
   */
  LOCALITY(List.of("both", "postcode", "locality", "region", "different"), true);

  /** Level 0 of every comparison. */
  public static final int MISSING = 0;

  /** Bits of one comparison's level in a packed agreement pattern. */
  static final int BITS = 4;

  private static final Comparison[] ALL = values();

  static {
    // A packed pattern is a non-negative int.
    if (BITS * ALL.length > Integer.SIZE - 1) {
      throw new AssertionError("patterns of " + ALL.length + " comparisons overflow an int");
    }
    for (Comparison comparison : ALL) {
      if (comparison.levelCount() > 1 << BITS) {
        throw new AssertionError(comparison + " has more levels than " + BITS + " bits hold");
      }
    }
  }

  private final List<String> levels;
  private final boolean optional;

  Comparison(List<String> levels) {
    this(levels, false);
  }

  Comparison(List<String> levels, boolean optional) {
    this.levels = levels;
    this.optional = optional;
  }

  /**
   * Whether a stored model may lack this comparison: it was added after models were first stored
   * (nodes keep theirs in the lake). Such a model reads with start values for it ({@link
   * LinkageModel#fromJson}); they never weigh anything on records that do not have its fields.
   */
  public boolean optional() {
    return optional;
  }

  /** The names of levels 1 and up (level 0 is missing). */
  public List<String> levels() {
    return levels;
  }

  /** Levels including missing. */
  public int levelCount() {
    return levels.size() + 1;
  }

  /** The comparison's name in the model's JSON: lower case. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The level of this comparison in a packed pattern (see {@link PairScorer#pattern}). */
  public int levelIn(int pattern) {
    return (pattern >>> (BITS * ordinal())) & ((1 << BITS) - 1);
  }

  /** A pattern with this comparison's level set (other comparisons unchanged). */
  int with(int pattern, int level) {
    int shift = BITS * ordinal();
    return (pattern & ~(((1 << BITS) - 1) << shift)) | (level << shift);
  }

  static Comparison[] all() {
    return ALL;
  }
}
