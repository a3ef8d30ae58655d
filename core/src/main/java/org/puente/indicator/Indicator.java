package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statistic computed from cube cells by a formula, with the note that says where its definition
 * comes from. Entries are read from {@code indicators.yaml} by {@link IndicatorCatalogue}.
 *
 * @param id the stable identifier, e.g. {@code net_migration}
 * @param titleEnglish the title in English
 * @param titleSpanish the title in Spanish
 * @param unit what the value counts, e.g. {@code persons}, {@code percent}, {@code per 1,000}
 * @param decimals the decimal places the value is rounded to (half even)
 * @param description the definition in words
 * @param source where the definition comes from (provenance)
 * @param appliesTo the group dimensions it may be computed for; any other is refused
 * @param inputs the formula's variables, in file order
 * @param formula an EvalEx expression over the inputs' names
 */
public record Indicator(
    String id,
    String titleEnglish,
    String titleSpanish,
    String unit,
    int decimals,
    String description,
    String source,
    List<String> appliesTo,
    Map<String, Term> inputs,
    String formula) {

  public Indicator {
    requireNonNull(id, "id is null");
    requireNonNull(titleEnglish, "titleEnglish is null");
    requireNonNull(titleSpanish, "titleSpanish is null");
    requireNonNull(unit, "unit is null");
    requireNonNull(description, "description is null");
    requireNonNull(source, "source is null");
    requireNonNull(formula, "formula is null");
    if (!id.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("id must be lower case with underscores: " + id);
    }
    if (decimals < 0 || decimals > 10) {
      throw new IllegalArgumentException("decimals must be 0 to 10: " + decimals);
    }
    if (formula.isBlank()) {
      throw new IllegalArgumentException("formula is blank");
    }
    appliesTo = List.copyOf(appliesTo);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("an indicator needs at least one input");
    }
    // File order is kept: messages and input lists follow the catalogue.
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }
}
