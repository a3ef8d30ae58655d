package org.puente.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Optional;
import org.puente.derive.CountryLinkage;
import org.puente.linkage.LinkageSettings;

/**
 * A run's {@link CountryLinkage.Plan} in a form Spark can ship to its executors: the linkage
 * settings are a plain record, not {@link Serializable}, so they travel as their fields and are
 * rebuilt (and checked again) where the countries are linked.
 */
record LinkagePlan(
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
    double emTolerance,
    long seed,
    boolean retrain,
    String previousModels,
    boolean resume,
    long previousLastSubmission,
    long lastSubmission)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static LinkagePlan of(CountryLinkage.Plan plan) {
    requireNonNull(plan, "plan is null");
    LinkageSettings s = plan.settings();
    return new LinkagePlan(
        s.nameHigh(),
        s.nameMedium(),
        s.nameLow(),
        s.documentSimilar(),
        s.threshold(),
        s.samePlaceSeconds(),
        s.sameDirectionPenalty(),
        s.maxBlockComparisons(),
        s.termFrequencyNames(),
        s.termFrequencyBirthDate(),
        s.uSamplePairs(),
        s.emIterations(),
        s.emTolerance(),
        plan.seed(),
        plan.retrain(),
        plan.previousModels().orElse(null),
        plan.resume(),
        plan.previousLastSubmission(),
        plan.lastSubmission());
  }

  CountryLinkage.Plan plan() {
    return new CountryLinkage.Plan(
        new LinkageSettings(
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
            uSamplePairs,
            emIterations,
            emTolerance),
        seed,
        retrain,
        Optional.ofNullable(previousModels),
        resume,
        previousLastSubmission,
        lastSubmission);
  }
}
