package org.puente.schema;

/** The four kinds of administrative event that countries report to the regional schema. */
public enum EventKind {
  /** An arrival or a departure recorded at a port of entry or exit. */
  BORDER_CROSSING("Border crossing (arrival or departure)"),
  /** A residence permit granted by the reporting country. */
  RESIDENCE_PERMIT("Residence permit"),
  /** A national of the reporting country returned (deported or assisted) from abroad. */
  RETURN_OF_NATIONAL("Return of a national"),
  /** A work permit granted by the reporting country. */
  WORK_PERMIT("Work permit");

  private final String label;

  EventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
