package org.puente.residence;

/** Whether a crossing enters or leaves the country that records it. */
public enum Direction {
  ARRIVAL,
  DEPARTURE
}
