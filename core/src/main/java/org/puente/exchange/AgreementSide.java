package org.puente.exchange;

/** A party of an agreement: A (the departures) or B (the arrivals or returns). */
public enum AgreementSide {
  A,
  B
}
