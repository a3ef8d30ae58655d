package org.puente.spec;

import static java.util.Objects.requireNonNull;

/** One thing wrong with a spec, at a line of the spec file (1-based). */
public record SpecProblem(int line, String message) {

  public SpecProblem {
    requireNonNull(message, "message is null");
  }
}
