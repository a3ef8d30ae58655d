package org.puente.cube;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dimension of the cubes: an id, how its codes roll up, the code list its leaf codes come from
 * (for {@link DimensionKind#CODE} and {@link DimensionKind#COUNTRY}), and its labels.
 *
 * @param id the dimension's name, as in {@code --by} (e.g. {@code citizenship})
 * @param kind how codes roll up
 * @param codeList the code list of the leaf codes, if any
 * @param codes the leaf codes of a {@link DimensionKind#CODE} dimension without a code list
 * @param labels label by language ({@code en}, {@code es})
 */
public record Dimension(
    String id,
    DimensionKind kind,
    Optional<String> codeList,
    List<String> codes,
    Map<String, String> labels) {

  /** The code of every dimension's total (SDMX {@code _T}). */
  public static final String TOTAL = "_T";

  /** The code of an unknown or missing value (SDMX {@code _U}). */
  public static final String UNKNOWN = "_U";

  public Dimension {
    requireNonNull(id, "id is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(codeList, "codeList is null");
    codes = List.copyOf(requireNonNull(codes, "codes is null"));
    labels = Map.copyOf(requireNonNull(labels, "labels is null"));
    if (!id.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("dimension id must be a lower-case identifier: " + id);
    }
    if (kind == DimensionKind.COUNTRY && codeList.isEmpty()) {
      throw new IllegalArgumentException("dimension " + id + " of kind COUNTRY needs a code list");
    }
    if (kind == DimensionKind.CODE && codeList.isEmpty() == codes.isEmpty()) {
      throw new IllegalArgumentException(
          "dimension " + id + " of kind CODE needs a code list or its codes, not both");
    }
  }

  /** The label in {@code language}, else English, else the id. */
  public String label(String language) {
    return labels.getOrDefault(language, labels.getOrDefault("en", id));
  }
}
