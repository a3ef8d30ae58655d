package org.puente.codelist;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One code of a code list.
 *
 * @param id the code itself, as stored in the lake and exchanged (e.g. {@code MEX}, {@code F})
 * @param parent the code this one rolls up to in the same list's hierarchy, if any
 * @param labels labels by language ({@code en}, {@code es}, {@code fr}); {@code en} is always set
 */
public record Code(String id, Optional<String> parent, Map<String, String> labels) {

  public Code {
    requireNonNull(id, "id is null");
    requireNonNull(parent, "parent is null");
    labels = Map.copyOf(requireNonNull(labels, "labels is null"));
    if (id.isBlank()) {
      throw new IllegalArgumentException("code id is blank");
    }
    if (!labels.containsKey("en")) {
      throw new IllegalArgumentException("code " + id + " has no English label");
    }
  }

  /** The English label. */
  public String label() {
    return labels.get("en");
  }

  /** The label in a language, falling back to English. */
  public String label(String language) {
    return labels.getOrDefault(language, label());
  }
}
