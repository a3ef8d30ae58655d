package org.puente.spec;

import java.util.Locale;

/** Value-map keys are compared after trimming and ignoring case. */
final class ValueMaps {

  private ValueMaps() {}

  static String key(String raw) {
    return raw.strip().toUpperCase(Locale.ROOT);
  }
}
