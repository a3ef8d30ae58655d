package org.puente.residence;

/** The single-country 12/16-month class of one crossing ({@link ResidenceClassifier}). */
public enum ResidenceClass {
  /** A non-resident who then spends at least 12 of the next 16 months in the country. */
  MIGRANT_ARRIVAL,
  /** A resident coming back, or a non-resident who does not stay 12 of the next 16 months. */
  NON_MIGRANT_ARRIVAL,
  /** A resident who then spends at least 12 of the next 16 months abroad. */
  MIGRANT_DEPARTURE,
  /** A non-resident leaving, or a resident who does not stay away 12 of the next 16 months. */
  NON_MIGRANT_DEPARTURE,
  /** Not decided at the observation end date: see the outcome's predicted class. */
  PROVISIONAL;

  static ResidenceClass of(Direction direction, boolean migrant) {
    return switch (direction) {
      case ARRIVAL -> migrant ? MIGRANT_ARRIVAL : NON_MIGRANT_ARRIVAL;
      case DEPARTURE -> migrant ? MIGRANT_DEPARTURE : NON_MIGRANT_DEPARTURE;
    };
  }

  /** Whether this is a migrant arrival or departure. */
  public boolean isMigrant() {
    return this == MIGRANT_ARRIVAL || this == MIGRANT_DEPARTURE;
  }
}
