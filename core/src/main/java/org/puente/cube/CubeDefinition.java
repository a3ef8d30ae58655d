package org.puente.cube;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A cube: a measure of one fact table over dimensions, with an optional filter on the fact's
 * columns.
 *
 * @param id the cube's name, as in {@code puente table CUBE}
 * @param labels title by language
 * @param fact the engine's fact table
 * @param measure what is counted
 * @param periodMode whether periods add up ({@link PeriodMode#FLOW}) or are slices
 * @param where fact column → the values kept
 * @param dimensions the dimensions a table of this cube may be broken down by
 */
public record CubeDefinition(
    String id,
    Map<String, String> labels,
    String fact,
    Measure measure,
    PeriodMode periodMode,
    Map<String, List<String>> where,
    List<Dimension> dimensions) {

  public CubeDefinition {
    requireNonNull(id, "id is null");
    labels = Map.copyOf(requireNonNull(labels, "labels is null"));
    requireNonNull(fact, "fact is null");
    requireNonNull(measure, "measure is null");
    requireNonNull(periodMode, "periodMode is null");
    where = Map.copyOf(requireNonNull(where, "where is null"));
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    if (measure == Measure.TRAVELLERS && periodMode != PeriodMode.SLICE) {
      throw new IllegalArgumentException(
          "cube " + id + ": distinct travellers do not add up over periods; say period: SLICE");
    }
  }

  /** The dimension named {@code name}, if this cube has it. */
  public java.util.Optional<Dimension> dimension(String name) {
    return dimensions.stream().filter(d -> d.id().equals(name)).findFirst();
  }

  /** The title in {@code language}, else English. */
  public String label(String language) {
    return labels.getOrDefault(language, labels.getOrDefault("en", id));
  }
}
