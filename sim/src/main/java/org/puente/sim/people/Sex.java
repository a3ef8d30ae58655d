package org.puente.sim.people;

/** Sex as the SDMX code list has it (the simulator draws only these two). */
public enum Sex {
  M,
  F;

  public Sex other() {
    return this == M ? F : M;
  }
}
