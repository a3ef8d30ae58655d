package org.puente.residence;

import static java.util.Objects.requireNonNull;

/**
 * One final outcome seen as it looked part-way through its window: the features at that point and
 * whether the crossing turned out to be a migrant one.
 */
public record TrainingCase(OutcomeFeatures features, boolean migrant) {

  public TrainingCase {
    requireNonNull(features, "features is null");
  }
}
