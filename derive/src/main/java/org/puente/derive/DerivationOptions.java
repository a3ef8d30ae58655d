package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.puente.linkage.LinkageSettings;
import org.puente.residence.ResidenceRules;

/**
 * How a derivation run links and classifies.
 *
 * @param asOf the observation end date: later days are unknown
 * @param linking how records are linked
 * @param linkage the configured part of the linkage model (used when a model is trained)
 * @param rules the 12/16-month rule's settings
 * @param seed seeds the u-probability sample, so a run repeats exactly
 */
public record DerivationOptions(
    LocalDate asOf, Linking linking, LinkageSettings linkage, ResidenceRules rules, long seed) {

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
  }

  public static DerivationOptions defaults(LocalDate asOf) {
    return new DerivationOptions(
        asOf, Linking.INCREMENTAL, LinkageSettings.DEFAULTS, ResidenceRules.DEFAULT, 2026L);
  }
}
