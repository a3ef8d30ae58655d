package org.puente.sim.dialect;

/** The kinds of administrative file a country exports. */
public enum RecordKind {
  CROSSING,
  RESIDENCE_PERMIT,
  WORK_PERMIT,
  RETURN
}
