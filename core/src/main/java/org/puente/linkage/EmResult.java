package org.puente.linkage;

import static java.util.Objects.requireNonNull;

/**
 * What EM estimated.
 *
 * @param m the m-probabilities
 * @param prior λ, the proportion of matches among the counted pairs
 * @param iterations iterations run
 * @param converged whether no parameter moved by more than the tolerance in the last iteration
 */
public record EmResult(LevelProbabilities m, double prior, int iterations, boolean converged) {

  public EmResult {
    requireNonNull(m, "m is null");
  }
}
