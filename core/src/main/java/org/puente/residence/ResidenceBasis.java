package org.puente.residence;

/** Where the residence status before a crossing came from. */
public enum ResidenceBasis {
  /** The last earlier migrant crossing (final, or predicted after a provisional one). */
  MIGRANT_CROSSING,
  /** The latest country of residence declared at or before the crossing. */
  DECLARED_RESIDENCE,
  /** Citizenship: nationals are resident. */
  CITIZENSHIP,
  /** No evidence: {@link ResidenceRules#residentWhenUnknown()}. */
  DEFAULT
}
