package org.puente.node.keys;

/** Whether a key is the one in use for its purpose, or kept only to read what it protected. */
public enum KeyStatus {
  ACTIVE,
  RETIRED
}
