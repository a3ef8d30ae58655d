package org.puente.sdc;

/** The absent cell keys; the cell-key method checks for this instance and refuses it. */
enum NoCellKeys implements CellKeys {
  INSTANCE;

  @Override
  public double cellKey(int cell) {
    throw new IllegalStateException("no cell keys were given");
  }
}
