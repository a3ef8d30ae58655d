package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What one EM run estimated.
 *
 * @param m the m-probabilities; those of comparisons not in {@code estimated} are the start values
 * @param prior λ, the proportion of matches among the counted pairs
 * @param iterations iterations run
 * @param converged whether no parameter moved by more than the tolerance in the last iteration
 * @param estimated the comparisons whose m this run estimated (not held fixed, and present in at
 *     least one counted pair)
 */
public record EmResult(
    LevelProbabilities m,
    double prior,
    int iterations,
    boolean converged,
    Set<Comparison> estimated) {

  public EmResult {
    requireNonNull(m, "m is null");
    estimated = Set.copyOf(requireNonNull(estimated, "estimated is null"));
  }
}
