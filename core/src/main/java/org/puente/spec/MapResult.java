package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What mapping one row gave: a record, or the reasons it was rejected. */
public sealed interface MapResult {

  long line();

  /** The row maps to a valid record. */
  record Accepted(MappedRecord record) implements MapResult {
    public Accepted {
      requireNonNull(record, "record is null");
    }

    @Override
    public long line() {
      return record.line();
    }
  }

  /** The row breaks one or more rules; all of them are listed. */
  record Rejected(long line, String recordId, List<Violation> violations) implements MapResult {
    public Rejected {
      requireNonNull(recordId, "recordId is null");
      violations = List.copyOf(requireNonNull(violations, "violations is null"));
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejected row has at least one violation");
      }
    }
  }
}
