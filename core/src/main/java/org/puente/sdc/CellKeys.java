package org.puente.sdc;

/**
 * Cell keys for the cell-key method: per cell, the sum of its records' keys modulo 1.
 *
 * <p>The engine computes them: each record has a key uniform in [0, 1) from a keyed hash of the
 * record, so a cell made of the same records gets the same key in every table, and so the same
 * noise.
 */
public interface CellKeys {

  /** The key of a cell of the table being protected, in [0, 1). */
  double cellKey(int cell);

  /** No keys: for every method but the cell-key method, which refuses them. */
  static CellKeys none() {
    return NoCellKeys.INSTANCE;
  }
}
