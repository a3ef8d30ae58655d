package org.puente.linkage;

import static java.util.Objects.requireNonNull;

/** One EM session of {@link ModelTraining#train}: its block, its pairs and what it estimated. */
public record EmSession(TrainingBlock block, long pairs, EmResult result) {

  public EmSession {
    requireNonNull(block, "block is null");
    requireNonNull(result, "result is null");
  }
}
