package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * A Fellegi–Sunter linkage model: the settings, the prior and the m- and u-probabilities of every
 * comparison level. Written and read back as JSON ({@link #toJson}, {@link #fromJson}) and shown to
 * analysts as a table ({@link #describe}).
 *
 * @param settings level thresholds, decision threshold, constraints, limits
 * @param prior λ, the probability that two random records match ({@link ModelTraining#prior}); its
 *     log-odds start every pair's match weight
 * @param comparisons one per {@link Comparison}, in declaration order
 */
public record LinkageModel(
    LinkageSettings settings, double prior, List<ComparisonParameters> comparisons) {

  public LinkageModel {
    requireNonNull(settings, "settings is null");
    comparisons = List.copyOf(requireNonNull(comparisons, "comparisons is null"));
    if (!(prior > 0.0 && prior < 1.0)) {
      throw new IllegalArgumentException("prior must be in (0, 1), not " + prior);
    }
    Comparison[] all = Comparison.all();
    if (comparisons.size() != all.length) {
      throw new IllegalArgumentException("a model has one entry per comparison: " + all.length);
    }
    for (int c = 0; c < all.length; c++) {
      if (comparisons.get(c).comparison() != all[c]) {
        throw new IllegalArgumentException("comparison " + c + " must be " + all[c]);
      }
    }
  }

  public ComparisonParameters parameters(Comparison comparison) {
    return comparisons.get(comparison.ordinal());
  }

  /** The prior's log-odds in bits: the match weight of a pair with no evidence. */
  public double priorBits() {
    return Math.log(prior / (1 - prior)) / Math.log(2);
  }

  /** The same parameters with other settings (e.g. another threshold). */
  public LinkageModel withSettings(LinkageSettings other) {
    return new LinkageModel(other, prior, comparisons);
  }

  /** Human-readable JSON that {@link #fromJson} reads back exactly. */
  public String toJson() {
    return ModelJson.write(this);
  }

  /** The model of {@link #toJson}; IllegalArgumentException with the reason when it is not one. */
  public static LinkageModel fromJson(String json) {
    return ModelJson.read(json);
  }

  /** A table of every comparison and level: m, u and the match weight in bits. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "prior (two random records match) %.6g = %+.2f bits; threshold %+.2f bits%n",
            prior,
            priorBits(),
            settings.threshold()));
    out.append(
        String.format(
            Locale.ROOT, "%-12s %-10s %12s %12s %9s%n", "comparison", "level", "m", "u", "bits"));
    for (ComparisonParameters comparison : comparisons) {
      String name = comparison.comparison().jsonName();
      for (LevelParameters level : comparison.levels()) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-12s %-10s %12.6g %12.6g %+9.2f%s%n",
                name,
                level.name(),
                level.m(),
                level.u(),
                level.bits(),
                note(comparison.comparison(), level.name())));
        name = "";
      }
      out.append(
          String.format(
              Locale.ROOT, "%-12s %-10s %12s %12s %+9.2f%n", "", "missing", "-", "-", 0.0));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "levels: name dice high >= %s, medium >= %s, low >= %s; document dice similar >= %s;"
                + " address dice high >= %s, medium >= %s%n",
            settings.nameHigh(),
            settings.nameMedium(),
            settings.nameLow(),
            settings.documentSimilar(),
            Levels.ADDRESS_HIGH,
            Levels.ADDRESS_MEDIUM));
    out.append(
        String.format(
            Locale.ROOT,
            "clustering: never two ports within %d s; %.2f bits off a second arrival or departure"
                + " in a row; at most %d comparisons per record and block%n",
            settings.samePlaceSeconds(),
            settings.sameDirectionPenalty(),
            settings.maxBlockComparisons()));
    return out.toString();
  }

  private String note(Comparison comparison, String level) {
    boolean names =
        comparison == Comparison.NAME
            && settings.termFrequencyNames()
            && (level.equals("exact") || level.equals("surname") || level.equals("given"));
    boolean date =
        comparison == Comparison.BIRTH_DATE
            && settings.termFrequencyBirthDate()
            && level.equals("exact");
    return names || date ? "  + log2(sum p^2 / p(value))" : "";
  }
}
