package org.puente.node.rejects;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rejected input row: its line in the submitted file, why it was rejected, and its fields as they
 * came in (clear identifiers included, which is why it is only ever stored encrypted). {@link
 * #toString()} never shows the fields.
 *
 * @param line the line (or row) number in the submitted file, from 1
 * @param reasons why it was rejected; written for the data steward, never quoting a value
 * @param fields the raw fields by column name, in file order
 */
public record RejectedRow(long line, List<String> reasons, Map<String, String> fields) {

  public RejectedRow {
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1");
    }
    reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a rejected row has at least one reason");
    }
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public String toString() {
    return "RejectedRow[line " + line + ", " + reasons + ", " + fields.size() + " fields hidden]";
  }
}
