package org.puente.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.puente.residence.ResidenceRules;
import org.puente.residence.RollingLimit;
import org.puente.residence.UnDurationRules;

/**
 * What the per-traveller functions need, in a form Spark can ship to its executors: the core's
 * settings are plain records, not {@link Serializable}, so they travel as their fields and are
 * rebuilt (and checked again) where the functions run.
 */
record ClassificationSettings(
    LocalDate asOf,
    int thresholdDays,
    int windowMonths,
    List<String> evidence,
    boolean residentWhenUnknown,
    double priorStrength,
    int shortTermDays,
    int longTermDays,
    int rollingLimitDays,
    int rollingWindowDays)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  ClassificationSettings {
    requireNonNull(asOf, "asOf is null");
    evidence = List.copyOf(evidence);
  }

  static ClassificationSettings of(
      LocalDate asOf, ResidenceRules rules, UnDurationRules unRules, RollingLimit rollingLimit) {
    requireNonNull(rules, "rules is null");
    requireNonNull(unRules, "unRules is null");
    requireNonNull(rollingLimit, "rollingLimit is null");
    return new ClassificationSettings(
        asOf,
        rules.thresholdDays(),
        rules.windowMonths(),
        rules.evidence().stream().map(Enum::name).toList(),
        rules.residentWhenUnknown(),
        rules.priorStrength(),
        unRules.shortTermDays(),
        unRules.longTermDays(),
        rollingLimit.limitDays(),
        rollingLimit.windowDays());
  }

  ResidenceRules rules() {
    return new ResidenceRules(
        thresholdDays,
        windowMonths,
        evidence.stream().map(ResidenceRules.Evidence::valueOf).toList(),
        residentWhenUnknown,
        priorStrength);
  }

  UnDurationRules unRules() {
    return new UnDurationRules(shortTermDays, longTermDays);
  }

  RollingLimit rollingLimit() {
    return new RollingLimit(rollingLimitDays, rollingWindowDays);
  }
}
