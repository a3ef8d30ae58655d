package org.puente.sim.region;

import static java.util.Objects.requireNonNull;

/**
 * A port of entry or exit of one country.
 *
 * @param code short code, unique within the country
 * @param name the name the country's system writes
 * @param mode AIR, LAND or SEA
 * @param weight share of the country's traffic of this mode
 * @param neighbour for a land port, the country on the other side
 * @param crossing for a land port, the name both sides give the crossing
 * @param arrivalRecorded probability that a regular arrival here is recorded
 * @param departureRecorded probability that a regular departure here is recorded (0: no exit
 *     control)
 */
public record Port(
    String code,
    String name,
    String mode,
    double weight,
    String neighbour,
    String crossing,
    Double arrivalRecorded,
    Double departureRecorded) {

  public Port {
    requireNonNull(code, "code is null");
    requireNonNull(name, "name is null");
    requireNonNull(mode, "mode is null");
    if (!mode.equals("AIR") && !mode.equals("LAND") && !mode.equals("SEA")) {
      throw new IllegalArgumentException("port " + code + ": bad mode " + mode);
    }
    if (mode.equals("LAND") && (neighbour == null || crossing == null)) {
      throw new IllegalArgumentException("land port " + code + " needs neighbour and crossing");
    }
    arrivalRecorded = arrivalRecorded == null ? 1.0 : arrivalRecorded;
    departureRecorded = departureRecorded == null ? 1.0 : departureRecorded;
  }

  public boolean land() {
    return mode.equals("LAND");
  }
}
