package org.puente.sim.region;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The synthetic region as described by the bundled {@code region.yaml}. */
public record Region(
    Map<String, CountryProfile> countries,
    Map<String, Double> touristPurposes,
    double overstayShare,
    int authorisedStayDays,
    List<Flows.Migrant> migrantFlows,
    Map<String, Double> irregularShare,
    List<Flows.Seasonal> seasonalFlows,
    List<Flows.Student> studentFlows,
    Flows.Transit transit,
    List<Flows.Return> returns) {

  public Region {
    // Sorted by code for listing, hashed for the lookups made for every event.
    countries =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(new TreeMap<>(requireNonNull(countries, "countries is null"))));
    touristPurposes = Map.copyOf(requireNonNull(touristPurposes, "touristPurposes is null"));
    migrantFlows = List.copyOf(requireNonNull(migrantFlows, "migrantFlows is null"));
    irregularShare = Map.copyOf(requireNonNull(irregularShare, "irregularShare is null"));
    seasonalFlows = List.copyOf(requireNonNull(seasonalFlows, "seasonalFlows is null"));
    studentFlows = List.copyOf(requireNonNull(studentFlows, "studentFlows is null"));
    requireNonNull(transit, "transit is null");
    returns = List.copyOf(requireNonNull(returns, "returns is null"));
  }

  /** The region bundled with the simulator. */
  public static Region standard() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = Region.class.getResourceAsStream("/org/puente/sim/region.yaml")) {
      if (in == null) {
        throw new IllegalStateException("region.yaml is missing from the simulator jar");
      }
      return yaml.readValue(in, Region.class);
    } catch (IOException e) {
      throw new UncheckedIOException("region.yaml is unreadable", e);
    }
  }

  /** The simulated countries, alpha-3, in code order. */
  public List<String> countryCodes() {
    return new ArrayList<>(countries.keySet());
  }

  public boolean simulates(String country) {
    return country.length() == 3 && countries.containsKey(country);
  }

  public CountryProfile country(String code) {
    CountryProfile profile = countries.get(code);
    if (profile == null) {
      throw new IllegalArgumentException("not a simulated country: " + code);
    }
    return profile;
  }

  /** The port with this code in this country. */
  public Port port(String country, String code) {
    for (Port port : country(country).ports()) {
      if (port.code().equals(code)) {
        return port;
      }
    }
    throw new IllegalArgumentException("no port " + code + " in " + country);
  }

  /** The port on the other side of a land crossing, if the neighbour is simulated. */
  public Optional<Port> twin(String country, Port port) {
    if (!port.land() || !simulates(port.neighbour())) {
      return Optional.empty();
    }
    for (Port other : country(port.neighbour()).ports()) {
      if (other.land() && port.crossing().equals(other.crossing())) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }
}
