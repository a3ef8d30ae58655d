package org.puente.linkage;

import static java.util.Objects.requireNonNull;

/**
 * The match weight of a record pair under a model: the prior's log-odds plus, for every comparison,
 * log2(m/u) of the pair's level (0 for missing), with exact surname and birth-date agreement
 * weighed by the value's own frequency when the model says so. Thread-safe.
 */
public final class PairScorer {

  private static final double LOG2 = Math.log(2);

  private final LinkageModel model;
  private final TermFrequencies frequencies;
  private final Levels levels;
  private final double priorBits;

  /** bits[c][level], level 0 (missing) 0. */
  private final double[][] bits;

  private final boolean surnameFrequency;
  private final boolean birthDateFrequency;
  private final double surnameExactLog2M;
  private final double birthDateExactLog2M;

  public PairScorer(LinkageModel model, TermFrequencies frequencies) {
    this.model = requireNonNull(model, "model is null");
    this.frequencies = requireNonNull(frequencies, "frequencies is null");
    LinkageSettings settings = model.settings();
    this.levels = new Levels(settings);
    this.priorBits = model.priorBits();
    Comparison[] all = Comparison.all();
    bits = new double[all.length][];
    for (Comparison comparison : all) {
      double[] row = new double[comparison.levelCount()];
      for (int level = 1; level < row.length; level++) {
        row[level] = model.parameters(comparison).level(level).bits();
      }
      bits[comparison.ordinal()] = row;
    }
    this.surnameFrequency = settings.termFrequencySurname();
    this.birthDateFrequency = settings.termFrequencyBirthDate();
    this.surnameExactLog2M = log2(model.parameters(Comparison.SURNAME).level(1).m());
    this.birthDateExactLog2M = log2(model.parameters(Comparison.BIRTH_DATE).level(1).m());
  }

  public LinkageModel model() {
    return model;
  }

  /** The agreement pattern of a pair: see {@link Comparison#levelIn}. */
  public int pattern(LinkageRecord a, LinkageRecord b) {
    return levels.pattern(a, b);
  }

  /** The match weight of a pair in bits, prior included. */
  public double weight(LinkageRecord a, LinkageRecord b) {
    int pattern = levels.pattern(a, b);
    double weight = priorBits;
    for (int c = 0; c < bits.length; c++) {
      weight += bits[c][(pattern >>> (Comparison.BITS * c)) & 7];
    }
    if (surnameFrequency && Comparison.SURNAME.levelIn(pattern) == 1) {
      double frequency = frequencies.surname(a.firstSurname());
      if (!Double.isNaN(frequency)) {
        weight += surnameExactLog2M - log2(frequency) - bits[Comparison.SURNAME.ordinal()][1];
      }
    }
    if (birthDateFrequency && Comparison.BIRTH_DATE.levelIn(pattern) == 1) {
      double frequency = frequencies.birthDate(a.birthDate());
      if (!Double.isNaN(frequency)) {
        weight += birthDateExactLog2M - log2(frequency) - bits[Comparison.BIRTH_DATE.ordinal()][1];
      }
    }
    return weight;
  }

  /** The match weight of a pattern without term-frequency adjustment, prior included. */
  public double weight(int pattern) {
    double weight = priorBits;
    for (int c = 0; c < bits.length; c++) {
      weight += bits[c][(pattern >>> (Comparison.BITS * c)) & 7];
    }
    return weight;
  }

  private static double log2(double x) {
    return Math.log(x) / LOG2;
  }
}
