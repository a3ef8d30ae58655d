package org.puente.node.rejects;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a data steward sees of a reject without decrypting it. */
public record RejectSummary(String submission, long line, List<String> reasons, String keyId) {

  public RejectSummary {
    requireNonNull(submission, "submission is null");
    reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    requireNonNull(keyId, "keyId is null");
  }
}
