package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.puente.linkage.LinkageSettings;
import org.puente.residence.ResidenceRules;
import org.puente.residence.RollingLimit;
import org.puente.residence.UnDurationRules;

/**
 * How a derivation run links and classifies.
 *
 * @param asOf the observation end date: later days are unknown
 * @param linking how records are linked
 * @param linkage the configured part of the linkage model (used when a model is trained)
 * @param rules the 12/16-month rule's settings
 * @param unRules the UN duration-based definitions, classified beside the 12/16-month rule
 * @param rollingLimit the "days in any window" check (90 in 180 by default) per traveller
 * @param seed seeds the u-probability sample, so a run repeats exactly
 */
public record DerivationOptions(
    LocalDate asOf,
    Linking linking,
    LinkageSettings linkage,
    ResidenceRules rules,
    UnDurationRules unRules,
    RollingLimit rollingLimit,
    long seed) {

  /** How a run links. */
  public enum Linking {
    /**
     * Keep the latest run's model and term frequencies and its assignments of every record earlier
     * than the earliest new record; link from there on. A first run trains.
     */
    INCREMENTAL,
    /** Keep the latest run's model and term frequencies; link every record again. */
    RELINK,
    /** Estimate the model afresh from all records and link every record. */
    RETRAIN
  }

  public DerivationOptions {
    requireNonNull(asOf, "asOf is null");
    requireNonNull(linking, "linking is null");
    requireNonNull(linkage, "linkage is null");
    requireNonNull(rules, "rules is null");
    requireNonNull(unRules, "unRules is null");
    requireNonNull(rollingLimit, "rollingLimit is null");
  }

  /**
   * The match weight a link between two records of a travel history needs, in bits: higher than the
   * library's 0 bits (a 50% match probability), because one false link joins two people's whole
   * histories. Chosen on the simulated region, seed 1, with crossings that lack a document kept
   * (docs/BENCHMARKS.md, fifth session): 1 bit gave precision 0.99916 and recall 0.99816, 2 bits
   * 0.99942 and 0.99804, 3 bits 0.99957 and 0.99784 (recall below the ONS target of 0.998); checked
   * on seed 7. FEBRL, one duplicate per person, is best at 0 bits (docs/LINKAGE.md).
   */
  public static final double TRAVEL_THRESHOLD_BITS = 2.0;

  public static DerivationOptions defaults(LocalDate asOf) {
    return new DerivationOptions(
        asOf,
        Linking.INCREMENTAL,
        LinkageSettings.DEFAULTS.withThreshold(TRAVEL_THRESHOLD_BITS),
        ResidenceRules.DEFAULT,
        UnDurationRules.DEFAULT,
        RollingLimit.SCHENGEN,
        2026L);
  }

  /** The same options with another way of linking. */
  public DerivationOptions withLinking(Linking other) {
    return new DerivationOptions(asOf, other, linkage, rules, unRules, rollingLimit, seed);
  }

  /** The same options with other linkage settings (used when a model is trained). */
  public DerivationOptions withLinkage(LinkageSettings other) {
    return new DerivationOptions(asOf, linking, other, rules, unRules, rollingLimit, seed);
  }

  /** The same options with another rolling limit. */
  public DerivationOptions withRollingLimit(RollingLimit other) {
    return new DerivationOptions(asOf, linking, linkage, rules, unRules, other, seed);
  }

  /**
   * The mode of a run with these options, given the latest committed run: INCREMENTAL when asked
   * and there is one to continue, else FULL. Every engine starts its run with it.
   */
  public org.puente.lake.catalog.DerivationRun.Mode mode(
      java.util.Optional<org.puente.lake.catalog.DerivationRun> previous) {
    return linking == Linking.INCREMENTAL && previous.isPresent()
        ? org.puente.lake.catalog.DerivationRun.Mode.INCREMENTAL
        : org.puente.lake.catalog.DerivationRun.Mode.FULL;
  }
}
