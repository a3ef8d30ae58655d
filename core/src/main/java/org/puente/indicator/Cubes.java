package org.puente.indicator;

import java.util.Set;

/**
 * The cubes and dimensions indicators may name. The cube engine (module {@code stats}) implements
 * {@link CellSource} over exactly these names; a catalogue entry naming another is refused when the
 * catalogue is read, not when a table is computed.
 */
public final class Cubes {

  public static final Set<String> NAMES =
      Set.of(
          "crossings",
          "travellers",
          "migrant_arrivals",
          "migrant_departures",
          "returns",
          "residence_permits_granted",
          "residence_permits_valid",
          "work_permits",
          "stays",
          "overstays",
          "unmatched_crossings");

  public static final Set<String> DIMENSIONS =
      Set.of(
          "reporting_country",
          "period",
          "direction",
          "sex",
          "age",
          "citizenship",
          "country_of_residence",
          "port",
          "transport_mode",
          "purpose",
          "migration_status",
          "occupation",
          "industry",
          "return_type",
          "returned_from",
          "unaccompanied");

  private Cubes() {}
}
