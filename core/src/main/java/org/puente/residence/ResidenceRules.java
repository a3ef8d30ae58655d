package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Settings of the single-country 12/16-month rule ({@link ResidenceClassifier}) and of the UN
 * duration classifier ({@link UnDurationClassifier}).
 *
 * @param thresholdDays days present (arrival) or absent (departure) that make a crossing a migrant
 *     one; default 365 (12 months)
 * @param windowMonths the window after a crossing on day d is {@code [d,
 *     d.plusMonths(windowMonths))} (calendar months, end exclusive); default 16
 * @param evidence where residence before a crossing comes from when no earlier crossing was a final
 *     migrant crossing, in order of preference; default declared residence, then citizenship
 * @param residentWhenUnknown the status when no evidence applies; default not resident
 * @param priorStrength the smoothing weight (pseudo-count) of the provisional-outcome model: a cell
 *     with n cases has rate (migrants + priorStrength × parent rate) / (n + priorStrength); default
 *     20
 */
public record ResidenceRules(
    int thresholdDays,
    int windowMonths,
    List<Evidence> evidence,
    boolean residentWhenUnknown,
    double priorStrength) {

  /** A source of the residence status before a crossing, used when no migrant crossing decides. */
  public enum Evidence {
    /** The latest country of residence declared on a record at or before the crossing. */
    DECLARED_RESIDENCE,
    /** Nationals of the reporting country are resident, others are not. */
    CITIZENSHIP
  }

  /** 365 days in 16 calendar months; declared residence, then citizenship; 20 pseudo-cases. */
  public static final ResidenceRules DEFAULT =
      new ResidenceRules(
          365, 16, List.of(Evidence.DECLARED_RESIDENCE, Evidence.CITIZENSHIP), false, 20.0);

  public ResidenceRules {
    requireNonNull(evidence, "evidence is null");
    evidence = List.copyOf(evidence);
    if (windowMonths < 1 || windowMonths > 120) {
      throw new IllegalArgumentException("windowMonths out of range: " + windowMonths);
    }
    // The threshold must be reachable within the shortest window of that many months.
    if (thresholdDays < 1 || thresholdDays > windowMonths * 28) {
      throw new IllegalArgumentException("thresholdDays out of range: " + thresholdDays);
    }
    if (evidence.stream().distinct().count() != evidence.size()) {
      throw new IllegalArgumentException("evidence repeats a source: " + evidence);
    }
    if (!(priorStrength > 0) || Double.isInfinite(priorStrength)) {
      throw new IllegalArgumentException("priorStrength must be positive: " + priorStrength);
    }
  }

  public ResidenceRules withThresholdDays(int days) {
    return new ResidenceRules(days, windowMonths, evidence, residentWhenUnknown, priorStrength);
  }

  public ResidenceRules withWindowMonths(int months) {
    return new ResidenceRules(thresholdDays, months, evidence, residentWhenUnknown, priorStrength);
  }

  public ResidenceRules withEvidence(List<Evidence> sources, boolean residentOtherwise) {
    return new ResidenceRules(
        thresholdDays, windowMonths, sources, residentOtherwise, priorStrength);
  }

  public ResidenceRules withPriorStrength(double strength) {
    return new ResidenceRules(thresholdDays, windowMonths, evidence, residentWhenUnknown, strength);
  }
}
