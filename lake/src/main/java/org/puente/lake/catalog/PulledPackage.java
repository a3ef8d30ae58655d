package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * One verified package of a pull: the observations of one SDMX data request.
 *
 * @param dataflow the dataflow id, e.g. DF_CROSSINGS
 * @param request the path and query that fetched it
 * @param sha256 SHA-256 (hex) of the bytes received
 * @param signedBy the fingerprint of the key whose signature held
 * @param dimensions the dimension ids of the observations' codes, in order
 * @param observations the observations
 */
public record PulledPackage(
    String dataflow,
    String request,
    String sha256,
    String signedBy,
    List<String> dimensions,
    List<Observation> observations) {

  public PulledPackage {
    requireNonNull(dataflow, "dataflow is null");
    requireNonNull(request, "request is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(signedBy, "signedBy is null");
    dimensions = List.copyOf(dimensions);
    observations = List.copyOf(observations);
    for (Observation observation : observations) {
      if (observation.codes().size() != dimensions.size()) {
        throw new IllegalArgumentException(
            "an observation of "
                + dataflow
                + " has "
                + observation.codes().size()
                + " codes for "
                + dimensions.size()
                + " dimensions");
      }
    }
  }

  /**
   * An observation: its codes, its value unless withheld, and its SDMX CONF_STATUS (F, C, D, N).
   */
  public record Observation(List<String> codes, OptionalLong value, String confStatus) {

    public Observation {
      codes = List.copyOf(codes);
      requireNonNull(value, "value is null");
      requireNonNull(confStatus, "confStatus is null");
      if (!List.of("F", "C", "D", "N").contains(confStatus)) {
        throw new IllegalArgumentException("CONF_STATUS is F, C, D or N, not " + confStatus);
      }
      if (codes.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("a code is not empty");
      }
    }
  }
}
