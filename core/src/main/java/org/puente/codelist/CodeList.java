package org.puente.codelist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.codelist.internal.TextFold;

/**
 * A named list of codes with a provenance note.
 *
 * @param id the list's id as the regional schema names it (e.g. {@code country})
 * @param name a human name
 * @param open true when the list is defined per node (ports): membership cannot be checked here
 * @param provenance where the codes come from
 * @param codes the codes, in publication order
 */
public record CodeList(String id, String name, boolean open, String provenance, List<Code> codes) {

  public CodeList {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(provenance, "provenance is null");
    codes = List.copyOf(requireNonNull(codes, "codes is null"));
    Map<String, Code> seen = new LinkedHashMap<>();
    for (Code code : codes) {
      if (seen.put(code.id(), code) != null) {
        throw new IllegalArgumentException("code list " + id + " repeats code " + code.id());
      }
    }
    for (Code code : codes) {
      code.parent()
          .filter(parent -> !seen.containsKey(parent))
          .ifPresent(
              parent -> {
                throw new IllegalArgumentException(
                    "code " + code.id() + " of " + id + " has unknown parent " + parent);
              });
    }
  }

  public Optional<Code> code(String codeId) {
    for (Code code : codes) {
      if (code.id().equals(codeId)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  public boolean contains(String codeId) {
    return code(codeId).isPresent();
  }

  /** The codes whose parent is the given code. */
  public List<Code> children(String parentId) {
    List<Code> result = new ArrayList<>();
    for (Code code : codes) {
      if (code.parent().filter(parentId::equals).isPresent()) {
        result.add(code);
      }
    }
    return result;
  }

  /**
   * Codes whose id or any label contains the query, ignoring case, accents and punctuation. An
   * empty query matches every code.
   */
  public List<Code> search(String query) {
    String folded = TextFold.fold(requireNonNull(query, "query is null"));
    List<Code> result = new ArrayList<>();
    for (Code code : codes) {
      if (matches(code, folded)) {
        result.add(code);
      }
    }
    return result;
  }

  private static boolean matches(Code code, String folded) {
    if (TextFold.fold(code.id()).contains(folded)) {
      return true;
    }
    for (String label : code.labels().values()) {
      if (TextFold.fold(label).contains(folded)) {
        return true;
      }
    }
    return false;
  }
}
