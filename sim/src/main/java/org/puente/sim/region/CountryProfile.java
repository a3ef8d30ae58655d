package org.puente.sim.region;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** One simulated country: cities, tourism volumes and its ports. */
public record CountryProfile(
    List<String> cities,
    long touristArrivals,
    Map<String, Double> touristOrigins,
    long residentTrips,
    Map<String, Double> tripDestinations,
    List<Port> ports) {

  public CountryProfile {
    cities = List.copyOf(requireNonNull(cities, "cities is null"));
    touristOrigins = Map.copyOf(requireNonNull(touristOrigins, "touristOrigins is null"));
    tripDestinations = Map.copyOf(requireNonNull(tripDestinations, "tripDestinations is null"));
    ports = List.copyOf(requireNonNull(ports, "ports is null"));
  }
}
