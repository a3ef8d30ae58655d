package org.puente.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.sdmx.SdmxIds;

/**
 * What a hub pulls from a peer, per country the peer reports for: SDMX data queries on the peer's
 * protected dataflows, by year. Every dimension a query does not name is the total ({@code _T}), so
 * each query breaks a table down by at most three dimensions (the period among them), well within
 * what a node protects per query.
 *
 * <ul>
 *   <li>{@code DF_CROSSINGS} by year × direction × counterpart country: the bilateral flows as this
 *       country records them (departures to, arrivals from);
 *   <li>{@code DF_CROSSINGS} by year × direction × port: which ports record departures;
 *   <li>{@code DF_MIGRANT_ARRIVALS} and {@code DF_MIGRANT_DEPARTURES} by year × counterpart
 *       country: migrants by the 12/16-month rule, for the migration-system indices.
 * </ul>
 */
public final class PullPlan {

  /** One query: its dataflow and its SDMX key. */
  public record Query(String dataflow, String key) {

    /** The request's path on the peer, e.g. {@code /sdmx/2/data/dataflow/PUENTE/DF_X/1.0.0/K}. */
    public String path() {
      return "/sdmx/2/data/dataflow/"
          + SdmxIds.AGENCY
          + "/"
          + dataflow
          + "/"
          + SdmxIds.VERSION
          + "/"
          + key;
    }
  }

  private PullPlan() {}

  /** The queries for the countries a peer reports for, in a fixed order. */
  public static List<Query> queries(CubeCatalogue catalogue, List<String> countries) {
    List<Query> queries = new ArrayList<>();
    for (String country : countries) {
      queries.add(
          query(
              catalogue,
              "crossings",
              Map.of(
                  "reporting_country",
                  country,
                  "period",
                  "*",
                  "direction",
                  "*",
                  "counterpart_country",
                  "*")));
      queries.add(
          query(
              catalogue,
              "crossings",
              Map.of("reporting_country", country, "period", "*", "direction", "*", "port", "*")));
      for (String cube : List.of("migrant_arrivals", "migrant_departures")) {
        queries.add(
            query(
                catalogue,
                cube,
                Map.of("reporting_country", country, "period", "*", "counterpart_country", "*")));
      }
    }
    return List.copyOf(queries);
  }

  private static Query query(CubeCatalogue catalogue, String cubeId, Map<String, String> codes) {
    CubeDefinition cube = catalogue.require(cubeId);
    List<String> positions = new ArrayList<>();
    for (Dimension dimension : cube.dimensions()) {
      positions.add(codes.getOrDefault(dimension.id(), Dimension.TOTAL));
    }
    return new Query(SdmxIds.dataflow(cube), String.join(".", positions));
  }
}
