package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** A validation rule over the mapped values of one row, beyond type and code-list checks. */
public sealed interface Rule {

  /** The spec line of the rule, or 0 for the rules every spec gets. */
  int specLine();

  /** An integer variable within [min, max]. */
  record Range(String variable, long min, long max, int specLine) implements Rule {
    public Range {
      requireNonNull(variable, "variable is null");
      if (min > max) {
        throw new IllegalArgumentException("range min above max for " + variable);
      }
    }
  }

  /** One date variable not after another (when both are present). */
  record NotAfter(String earlier, String later, int specLine) implements Rule {
    public NotAfter {
      requireNonNull(earlier, "earlier is null");
      requireNonNull(later, "later is null");
    }
  }

  /** A code variable restricted to some codes of its list. */
  record AllowedCodes(String variable, Set<String> codes, int specLine) implements Rule {
    public AllowedCodes {
      requireNonNull(variable, "variable is null");
      codes = Set.copyOf(requireNonNull(codes, "codes is null"));
    }
  }
}
