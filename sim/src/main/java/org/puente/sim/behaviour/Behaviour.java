package org.puente.sim.behaviour;

/** What a simulated traveller does; every traveller has exactly one. */
public enum Behaviour {
  /** A short stay (leisure, visiting relatives, business), usually one trip. */
  TOURIST,
  /** A visitor who stays past the authorised stay, some for good. */
  OVERSTAYER,
  /** A resident of a simulated country travelling abroad and coming back. */
  RESIDENT_TRIPS,
  /** A worker crossing for each harvest season and going home after it. */
  SEASONAL_WORKER,
  /** A person who changes the country of usual residence. */
  LONG_TERM_MIGRANT,
  /** An international student staying for academic years. */
  STUDENT,
  /** A northbound migrant entering Panama from Colombia and crossing the region. */
  TRANSIT_MIGRANT,
  /** A national returned (deported or assisted) from the USA or Mexico. */
  RETURNED_NATIONAL
}
