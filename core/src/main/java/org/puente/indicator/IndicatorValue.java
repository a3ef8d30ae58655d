package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An indicator computed for one group: its value, or why there is none, and the inputs it was
 * computed from (cell counts and any population, by input name).
 *
 * @param indicator what was computed
 * @param group the group's dimension codes, e.g. {@code reporting_country -> GTM, period -> 2024}
 * @param value the value, or null when it cannot be computed
 * @param reasonWhenNull why the value is null (e.g. {@code division by zero}); null otherwise
 * @param inputs each input read, by name
 */
public record IndicatorValue(
    Indicator indicator,
    Map<String, String> group,
    BigDecimal value,
    String reasonWhenNull,
    Map<String, Long> inputs) {

  public IndicatorValue {
    requireNonNull(indicator, "indicator is null");
    group = Map.copyOf(group);
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    if ((value == null) == (reasonWhenNull == null)) {
      throw new IllegalArgumentException("exactly one of value and reasonWhenNull is needed");
    }
  }

  public Optional<BigDecimal> optionalValue() {
    return Optional.ofNullable(value);
  }

  /**
   * Whether the value must not be published: some cell count it was derived from is positive but
   * below {@code minFrequency} (a threshold rule, as for the cubes themselves). Zeros are not small
   * counts, and populations are not counts of records, so neither suppresses.
   */
  public boolean suppressed(int minFrequency) {
    for (Map.Entry<String, Long> input : inputs.entrySet()) {
      boolean isCell = indicator.inputs().get(input.getKey()) instanceof Term.Cell;
      long count = input.getValue();
      if (isCell && count != 0 && count < minFrequency) {
        return true;
      }
    }
    return false;
  }
}
