package org.puente.node.leak;

import static java.util.Objects.requireNonNull;

import org.puente.privacy.LeakMatcher;

/**
 * A clear identifier found somewhere: where (a file, an entry inside an archive, or a label given
 * by the caller), its kind, and a masked hint, never the value.
 */
public record Leak(String where, LeakMatcher.Kind kind, String hint) {

  public Leak {
    requireNonNull(where, "where is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(hint, "hint is null");
  }

  @Override
  public String toString() {
    return kind + " (" + hint + ") in " + where;
  }
}
