package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A trained model with how it was made.
 *
 * @param model the model
 * @param sessions the EM sessions whose m-probabilities were averaged
 * @param blockedPairs the candidate pairs of the linker's blocks the prior was estimated on (an
 *     estimate from a sample past {@link PatternCounts#BLOCKED_PAIRS})
 * @param expectedMatches the expected number of matching pairs among them under the model
 */
public record Training(
    LinkageModel model, List<EmSession> sessions, long blockedPairs, double expectedMatches) {

  public Training {
    requireNonNull(model, "model is null");
    sessions = List.copyOf(requireNonNull(sessions, "sessions is null"));
  }
}
