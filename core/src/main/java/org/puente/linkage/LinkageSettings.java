package org.puente.linkage;

/**
 * The configured, not estimated, part of a linkage model: level thresholds, the decision threshold,
 * the clustering constraints, blocking and estimation limits. docs/LINKAGE.md says how each default
 * was chosen.
 *
 * @param nameHigh Dice of the name encodings for the {@code high} name level
 * @param nameMedium Dice for the {@code medium} name level
 * @param nameLow Dice for the {@code low} name level
 * @param documentSimilar Dice of the document bigram encodings for the {@code similar} level (one
 *     substitution in a 7-character number gives about 0.75, a transposition about 0.63)
 * @param threshold the match weight in bits (prior included) a link needs
 * @param samePlaceSeconds records of one person at two different ports less than this many seconds
 *     apart are impossible: such a link is never made
 * @param sameDirectionPenalty bits taken off a link that would give the cluster two arrivals (or
 *     two departures) in a row: ports without exit control make that legitimate, but rarer
 * @param maxBlockComparisons each record is compared with at most this many of the most recent
 *     earlier records of each of its blocks; blocks larger than that are counted as oversize
 * @param termFrequencyNames whether agreement on the name set, the first surname or the first given
 *     name weighs by the value's frequency ({@link TermFrequencies})
 * @param termFrequencyBirthDate whether exact birth-date agreement weighs by the date's frequency
 * @param uSamplePairs random record pairs sampled to estimate the u-probabilities
 * @param emIterations the most EM iterations
 * @param emTolerance EM stops when no parameter moves by more than this
 */
public record LinkageSettings(
    double nameHigh,
    double nameMedium,
    double nameLow,
    double documentSimilar,
    double threshold,
    long samePlaceSeconds,
    double sameDirectionPenalty,
    int maxBlockComparisons,
    boolean termFrequencyNames,
    boolean termFrequencyBirthDate,
    int uSamplePairs,
    int emIterations,
    double emTolerance) {

  /**
   * Dice of two stored document encodings at or above which the numbers are taken as one edit
   * apart: the threshold measured for the ingested encoding (k = 8, p = 0.02; docs/PRIVACY.md,
   * "Document encoding": 99.6% of one-edit pairs, 0.13% of unrelated numbers of the same shape).
   */
  public static final double DOCUMENT_ONE_EDIT =
      org.puente.privacy.DocumentEncoder.ONE_EDIT_THRESHOLD / 1000.0;

  /** The default {@code maxBlockComparisons}: the window of a block (docs/LINKAGE.md). */
  public static final int DEFAULT_MAX_BLOCK_COMPARISONS = 1000;

  /** The defaults; docs/LINKAGE.md gives the measurements behind them. */
  public static final LinkageSettings DEFAULTS =
      new LinkageSettings(
          0.9,
          0.8,
          0.7,
          DOCUMENT_ONE_EDIT,
          0.0,
          60,
          2.0,
          DEFAULT_MAX_BLOCK_COMPARISONS,
          true,
          true,
          2_000_000,
          200,
          1e-7);

  public LinkageSettings {
    if (!(nameHigh <= 1.0 && nameHigh > nameMedium && nameMedium > nameLow && nameLow > 0.0)) {
      throw new IllegalArgumentException(
          "name thresholds must satisfy 1 >= high > medium > low > 0");
    }
    if (!(documentSimilar > 0.0 && documentSimilar <= 1.0)) {
      throw new IllegalArgumentException("documentSimilar must be in (0, 1]");
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite");
    }
    if (samePlaceSeconds < 0) {
      throw new IllegalArgumentException("samePlaceSeconds must not be negative");
    }
    if (!(sameDirectionPenalty >= 0.0 && Double.isFinite(sameDirectionPenalty))) {
      throw new IllegalArgumentException("sameDirectionPenalty must be finite and >= 0");
    }
    if (maxBlockComparisons < 1) {
      throw new IllegalArgumentException("maxBlockComparisons must be positive");
    }
    if (uSamplePairs < 1) {
      throw new IllegalArgumentException("uSamplePairs must be positive");
    }
    if (emIterations < 1) {
      throw new IllegalArgumentException("emIterations must be positive");
    }
    if (!(emTolerance > 0.0)) {
      throw new IllegalArgumentException("emTolerance must be positive");
    }
  }

  public LinkageSettings withThreshold(double bits) {
    return new LinkageSettings(
        nameHigh,
        nameMedium,
        nameLow,
        documentSimilar,
        bits,
        samePlaceSeconds,
        sameDirectionPenalty,
        maxBlockComparisons,
        termFrequencyNames,
        termFrequencyBirthDate,
        uSamplePairs,
        emIterations,
        emTolerance);
  }

  public LinkageSettings withSameDirectionPenalty(double bits) {
    return new LinkageSettings(
        nameHigh,
        nameMedium,
        nameLow,
        documentSimilar,
        threshold,
        samePlaceSeconds,
        bits,
        maxBlockComparisons,
        termFrequencyNames,
        termFrequencyBirthDate,
        uSamplePairs,
        emIterations,
        emTolerance);
  }

  public LinkageSettings withNameLevels(double high, double medium, double low) {
    return new LinkageSettings(
        high,
        medium,
        low,
        documentSimilar,
        threshold,
        samePlaceSeconds,
        sameDirectionPenalty,
        maxBlockComparisons,
        termFrequencyNames,
        termFrequencyBirthDate,
        uSamplePairs,
        emIterations,
        emTolerance);
  }

  public LinkageSettings withMaxBlockComparisons(int comparisons) {
    return new LinkageSettings(
        nameHigh,
        nameMedium,
        nameLow,
        documentSimilar,
        threshold,
        samePlaceSeconds,
        sameDirectionPenalty,
        comparisons,
        termFrequencyNames,
        termFrequencyBirthDate,
        uSamplePairs,
        emIterations,
        emTolerance);
  }

  public LinkageSettings withUSamplePairs(int pairs) {
    return new LinkageSettings(
        nameHigh,
        nameMedium,
        nameLow,
        documentSimilar,
        threshold,
        samePlaceSeconds,
        sameDirectionPenalty,
        maxBlockComparisons,
        termFrequencyNames,
        termFrequencyBirthDate,
        pairs,
        emIterations,
        emTolerance);
  }

  public LinkageSettings withTermFrequencies(boolean names, boolean birthDate) {
    return new LinkageSettings(
        nameHigh,
        nameMedium,
        nameLow,
        documentSimilar,
        threshold,
        samePlaceSeconds,
        sameDirectionPenalty,
        maxBlockComparisons,
        names,
        birthDate,
        uSamplePairs,
        emIterations,
        emTolerance);
  }
}
