package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Where the value of one regional variable comes from in an export. */
public sealed interface FieldSource {

  /**
   * One or more columns (or JSON fields); several are joined with {@code separator}, skipping empty
   * parts (e.g. first and second surname).
   */
  record Columns(List<String> names, String separator) implements FieldSource {
    public Columns {
      names = List.copyOf(requireNonNull(names, "names is null"));
      requireNonNull(separator, "separator is null");
      if (names.isEmpty()) {
        throw new IllegalArgumentException("no column named");
      }
    }
  }

  /** The same value for every row (reporting country, event kind, a port of a single-port file). */
  record Constant(String value) implements FieldSource {
    public Constant {
      requireNonNull(value, "value is null");
    }
  }

  /** Computed from other variables of the same row. */
  record Derived(Derivation derivation) implements FieldSource {
    public Derived {
      requireNonNull(derivation, "derivation is null");
    }
  }

  /** The derivations a spec may ask for. */
  enum Derivation {
    /** Completed years between birth date and event date. */
    AGE_FROM_BIRTH_DATE
  }
}
