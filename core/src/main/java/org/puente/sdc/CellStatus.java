package org.puente.sdc;

/** What protection did to a cell; published with the cell so that readers can label it. */
public enum CellStatus {
  /** Published as counted. */
  PUBLISHED,
  /** Suppressed: a non-zero count below the minimum frequency. */
  PRIMARY_FREQUENCY,
  /** Suppressed: one or two contributors make up most of the count. */
  PRIMARY_DOMINANCE,
  /** Suppressed so that the primary cells cannot be derived from the published ones. */
  SECONDARY,
  /** Published rounded to the rounding base (every cell of a rounded table, zeros included). */
  ROUNDED,
  /** Published with cell-key noise (every cell of a perturbed table, zeros included). */
  PERTURBED,
  /** Published as counted with no disclosure control at all; for internal use only. */
  UNPROTECTED
}
