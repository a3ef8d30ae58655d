package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.puente.residence.Direction;
import org.puente.sim.people.Weighted;
import org.puente.sim.region.Port;
import org.puente.sim.region.Region;

/**
 * Turns "went from A to B on day d" into the crossings each simulated side keeps: a departure from
 * A (if A is simulated) and an arrival into B (if B is), at ports drawn by weight, recorded with
 * each port's probability. Countries outside the region leave no records.
 */
public final class Travel {

  private final Region region;
  private final Map<String, Weighted<Port>> airPorts = new LinkedHashMap<>();
  private final Map<String, Weighted<Port>> landPorts = new LinkedHashMap<>();

  public Travel(Region region) {
    this.region = requireNonNull(region, "region is null");
    for (String country : region.countryCodes()) {
      Map<Port, Double> air = new LinkedHashMap<>();
      for (Port port : region.country(country).ports()) {
        if (port.mode().equals("AIR")) {
          air.put(port, port.weight());
        }
      }
      airPorts.put(country, Weighted.of(air));
      for (String neighbour : neighbours(country)) {
        Map<Port, Double> land = new LinkedHashMap<>();
        for (Port port : region.country(country).ports()) {
          if (port.land() && port.neighbour().equals(neighbour) && port.weight() > 0) {
            land.put(port, port.weight());
          }
        }
        if (!land.isEmpty()) {
          landPorts.put(country + ">" + neighbour, Weighted.of(land));
        }
      }
    }
  }

  public Region region() {
    return region;
  }

  private List<String> neighbours(String country) {
    List<String> result = new ArrayList<>();
    for (Port port : region.country(country).ports()) {
      if (port.land() && !result.contains(port.neighbour())) {
        result.add(port.neighbour());
      }
    }
    return result;
  }

  /** Whether a regular land crossing exists between the two countries. */
  public boolean landBorder(String from, String to) {
    return landPorts.containsKey(to + ">" + from) || landPorts.containsKey(from + ">" + to);
  }

  /**
   * A regular trip leg: by land when the countries share a border and {@code preferLand}, else by
   * air. Adds the departure before the arrival.
   */
  public void go(
      List<Event> out,
      LocalDate date,
      String from,
      String to,
      boolean preferLand,
      String purpose,
      int authorisedStayDays,
      RandomGenerator random) {
    if (preferLand && landBorder(from, to)) {
      Optional<Port> arrivalPort = Optional.empty();
      Optional<Port> departurePort = Optional.empty();
      Weighted<Port> entering = landPorts.get(to + ">" + from);
      if (entering != null) {
        Port port = entering.draw(random);
        arrivalPort = Optional.of(port);
        departurePort = region.twin(to, port);
      } else {
        departurePort = Optional.of(landPorts.get(from + ">" + to).draw(random));
      }
      departure(out, date, from, departurePort, to, purpose, random);
      arrival(out, date, to, arrivalPort, from, purpose, authorisedStayDays, random);
      return;
    }
    Optional<Port> departurePort =
        region.simulates(from) ? Optional.of(airPorts.get(from).draw(random)) : Optional.empty();
    Optional<Port> arrivalPort =
        region.simulates(to) ? Optional.of(airPorts.get(to).draw(random)) : Optional.empty();
    departure(out, date, from, departurePort, to, purpose, random);
    arrival(out, date, to, arrivalPort, from, purpose, authorisedStayDays, random);
  }

  /** An irregular leg: crossings happen (truth) but no port records them. */
  public void irregular(List<Event> out, LocalDate date, String from, String to, String purpose) {
    if (region.simulates(from)) {
      out.add(
          new Event.Crossing(
              date, from, Direction.DEPARTURE, Optional.empty(), to, purpose, 0, false));
    }
    if (region.simulates(to)) {
      out.add(
          new Event.Crossing(
              date, to, Direction.ARRIVAL, Optional.empty(), from, purpose, 0, false));
    }
  }

  /** A leg at a named port with given recording probabilities; unrecorded sides are irregular. */
  public void atPort(
      List<Event> out,
      LocalDate date,
      String from,
      String to,
      String portCode,
      double departureRecorded,
      double arrivalRecorded,
      String purpose,
      RandomGenerator random) {
    Optional<Port> arrivalPort = Optional.empty();
    Optional<Port> departurePort = Optional.empty();
    if (region.simulates(to)) {
      arrivalPort = Optional.of(region.port(to, portCode));
      departurePort = region.twin(to, arrivalPort.get());
    } else if (region.simulates(from)) {
      departurePort = Optional.of(region.port(from, portCode));
    }
    if (region.simulates(from)) {
      boolean recorded = departurePort.isPresent() && random.nextDouble() < departureRecorded;
      out.add(
          new Event.Crossing(
              date,
              from,
              Direction.DEPARTURE,
              recorded ? departurePort : Optional.empty(),
              to,
              purpose,
              0,
              recorded));
    }
    if (region.simulates(to)) {
      boolean recorded = random.nextDouble() < arrivalRecorded;
      out.add(
          new Event.Crossing(
              date,
              to,
              Direction.ARRIVAL,
              recorded ? arrivalPort : Optional.empty(),
              from,
              purpose,
              0,
              recorded));
    }
  }

  private void departure(
      List<Event> out,
      LocalDate date,
      String country,
      Optional<Port> port,
      String to,
      String purpose,
      RandomGenerator random) {
    if (!region.simulates(country)) {
      return;
    }
    // A regular departure at a port without exit control is a true crossing nobody records.
    boolean recorded = port.isPresent() && random.nextDouble() < port.get().departureRecorded();
    out.add(new Event.Crossing(date, country, Direction.DEPARTURE, port, to, purpose, 0, recorded));
  }

  private void arrival(
      List<Event> out,
      LocalDate date,
      String country,
      Optional<Port> port,
      String from,
      String purpose,
      int authorisedStayDays,
      RandomGenerator random) {
    if (!region.simulates(country)) {
      return;
    }
    boolean recorded = port.isPresent() && random.nextDouble() < port.get().arrivalRecorded();
    out.add(
        new Event.Crossing(
            date, country, Direction.ARRIVAL, port, from, purpose, authorisedStayDays, recorded));
  }
}
