package org.puente.linkage;

import static java.util.Objects.requireNonNull;

/**
 * The match weight of a record pair under a model: the prior's log-odds plus, for every comparison,
 * log2(m/u) of the pair's level (0 for missing), plus the term-frequency adjustment ({@link
 * TermFrequencies#adjustmentBits}) of the value a level agrees on: the name set (name {@code
 * exact}), the first surname ({@code first names} and {@code surname}), the first given name
 * ({@code given}) and the birth date (birth date {@code exact}), as the settings enable.
 * Thread-safe.
 */
public final class PairScorer {

  private static final int NAME_SHIFT = Comparison.BITS * Comparison.NAME.ordinal();
  private static final int BIRTH_SHIFT = Comparison.BITS * Comparison.BIRTH_DATE.ordinal();
  private static final int NAME_EXACT = 1;
  private static final int NAME_FIRST_NAMES = 4;
  private static final int NAME_SURNAME = 5;
  private static final int NAME_GIVEN = 6;
  private static final int LEVEL_MASK = (1 << Comparison.BITS) - 1;
  private static final int BIRTH_EXACT = 1;

  private final LinkageModel model;
  private final TermFrequencies frequencies;
  private final Levels levels;
  private final double priorBits;

  /** bits[c * 2^BITS + level], level 0 (missing) 0. */
  private final double[] bits;

  private final boolean nameFrequencies;
  private final boolean birthDateFrequencies;

  public PairScorer(LinkageModel model, TermFrequencies frequencies) {
    this.model = requireNonNull(model, "model is null");
    this.frequencies = requireNonNull(frequencies, "frequencies is null");
    LinkageSettings settings = model.settings();
    this.levels = new Levels(settings);
    this.priorBits = model.priorBits();
    Comparison[] all = Comparison.all();
    bits = new double[all.length << Comparison.BITS];
    for (Comparison comparison : all) {
      for (int level = 1; level < comparison.levelCount(); level++) {
        bits[(comparison.ordinal() << Comparison.BITS) + level] =
            model.parameters(comparison).level(level).bits();
      }
    }
    this.nameFrequencies = settings.termFrequencyNames();
    this.birthDateFrequencies = settings.termFrequencyBirthDate();
  }

  public LinkageModel model() {
    return model;
  }

  /** The agreement pattern of a pair: see {@link Comparison#levelIn}. */
  public int pattern(RecordFields a, RecordFields b) {
    return levels.pattern(a, b);
  }

  /** The match weight of a pair in bits, prior and term-frequency adjustments included. */
  public double weight(RecordFields a, RecordFields b) {
    int pattern = levels.pattern(a, b);
    double weight = weight(pattern);
    if (nameFrequencies) {
      int name = (pattern >>> NAME_SHIFT) & LEVEL_MASK;
      if (name == NAME_EXACT) {
        weight += frequencies.adjustmentBits(TermFrequencies.Field.NAME_SET, a.nameSet());
      } else if (name == NAME_SURNAME || name == NAME_FIRST_NAMES) {
        weight += frequencies.adjustmentBits(TermFrequencies.Field.FIRST_SURNAME, a.firstSurname());
      } else if (name == NAME_GIVEN) {
        weight +=
            frequencies.adjustmentBits(TermFrequencies.Field.FIRST_GIVEN_NAME, a.firstGivenName());
      }
    }
    if (birthDateFrequencies && ((pattern >>> BIRTH_SHIFT) & LEVEL_MASK) == BIRTH_EXACT) {
      weight += frequencies.adjustmentBits(TermFrequencies.Field.BIRTH_DATE, a.birthDate());
    }
    return weight;
  }

  /** The match weight of a pattern without term-frequency adjustment, prior included. */
  public double weight(int pattern) {
    double weight = priorBits;
    for (int c = 0, shift = 0; c < Comparison.all().length; c++, shift += Comparison.BITS) {
      weight += bits[(c << Comparison.BITS) + ((pattern >>> shift) & LEVEL_MASK)];
    }
    return weight;
  }
}
