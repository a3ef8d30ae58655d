package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

/** The catalog's answer to a submitted file: new work, or content it has already committed. */
public sealed interface Receipt {

  /** The submission recorded for this file (RECEIVED, or DUPLICATE). */
  Submission submission();

  /** New content for its source: process it, then commit or fail it. */
  record Accepted(Submission submission) implements Receipt {
    public Accepted {
      requireNonNull(submission, "submission is null");
    }
  }

  /** The same content was committed before: nothing to do; {@code earlier} is that submission. */
  record Duplicate(Submission submission, Submission earlier) implements Receipt {
    public Duplicate {
      requireNonNull(submission, "submission is null");
      requireNonNull(earlier, "earlier is null");
    }
  }
}
