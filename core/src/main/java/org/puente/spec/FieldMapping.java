package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.schema.Variable;

/**
 * How one regional variable is filled from an export.
 *
 * @param variable the regional variable
 * @param source columns, a constant or a derivation
 * @param values raw value to code, compared after trimming and ignoring case (e.g. {@code H -> M},
 *     {@code M -> F}); raw values not in the map are kept as they are
 * @param formats date or date-time patterns tried in order (java.time patterns, strict)
 * @param required whether a row without a value is rejected
 * @param defaultValue used when the column is empty
 * @param specLine the spec line that defines the mapping, for messages
 * @param surnameWords for a full-name field written given names first: how many of its last words
 *     are surnames ({@code surname_words}); 0 when the spec does not say
 */
public record FieldMapping(
    Variable variable,
    FieldSource source,
    Map<String, String> values,
    List<String> formats,
    boolean required,
    Optional<String> defaultValue,
    int specLine,
    int surnameWords) {

  public FieldMapping {
    requireNonNull(variable, "variable is null");
    requireNonNull(source, "source is null");
    values = Map.copyOf(requireNonNull(values, "values is null"));
    formats = List.copyOf(requireNonNull(formats, "formats is null"));
    requireNonNull(defaultValue, "defaultValue is null");
    if (surnameWords < 0) {
      throw new IllegalArgumentException("surnameWords must not be negative");
    }
  }
}
