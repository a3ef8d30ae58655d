package org.puente.lake.catalog;

import java.util.Map;
import java.util.OptionalLong;

/**
 * An observation a hub holds from a peer's latest committed pull.
 *
 * @param peer the peer's name
 * @param pullId the pull it came in
 * @param dataflow the dataflow id, e.g. DF_CROSSINGS
 * @param codes the code of each dimension, by dimension id, in the package's order
 * @param value the value, empty when the peer withheld it
 * @param confStatus the SDMX CONF_STATUS (F, C, D, N)
 */
public record PulledObservation(
    String peer,
    long pullId,
    String dataflow,
    Map<String, String> codes,
    OptionalLong value,
    String confStatus) {

  public PulledObservation {
    codes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
  }

  /** The code of a dimension; {@code _T} (the total) when the package had no such dimension. */
  public String code(String dimension) {
    return codes.getOrDefault(dimension, "_T");
  }
}
