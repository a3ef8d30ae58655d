package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.parser.ParseException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * Computes an indicator for one group: reads each input (the group's codes added to the cell
 * reference, the period shifted by any offset), binds them to the formula's variables and evaluates
 * it. A value that cannot be computed (a zero denominator, a population not loaded) is null with
 * the reason, never an exception: tables show it as missing.
 */
public final class IndicatorEvaluator {

  /** The group dimension that names the country whose population a rate divides by. */
  public static final String COUNTRY = "reporting_country";

  /** The group dimension holding the period code. */
  public static final String PERIOD = "period";

  // 34 significant digits: far more than any count or rate needs, so only the final rounding to
  // the indicator's decimals is visible.
  static final ExpressionConfiguration CONFIGURATION =
      ExpressionConfiguration.builder().mathContext(MathContext.DECIMAL128).build();

  private IndicatorEvaluator() {}

  /**
   * Computes {@code indicator} for {@code group}.
   *
   * @throws PuenteException USAGE when the group names a dimension the indicator does not apply to
   */
  public static IndicatorValue evaluate(
      Indicator indicator,
      Map<String, String> group,
      CellSource cells,
      PopulationSource populations) {
    requireNonNull(indicator, "indicator is null");
    requireNonNull(group, "group is null");
    requireNonNull(cells, "cells is null");
    requireNonNull(populations, "populations is null");
    for (String dimension : group.keySet()) {
      if (!indicator.appliesTo().contains(dimension)) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "indicator "
                + indicator.id()
                + " does not apply to dimension "
                + dimension
                + "; it applies to "
                + indicator.appliesTo());
      }
    }
    Map<String, Long> inputs = new LinkedHashMap<>();
    // A period that an offset cannot shift makes the value impossible: say so before reading.
    for (Map.Entry<String, Term> input : indicator.inputs().entrySet()) {
      if (input.getValue() instanceof Term.Cell cell && resolve(cell, group).isEmpty()) {
        return new IndicatorValue(
            indicator, group, null, unshiftable(input.getKey(), cell, group), inputs);
      }
    }
    for (Map.Entry<String, Term> input : indicator.inputs().entrySet()) {
      Optional<String> missing;
      if (input.getValue() instanceof Term.Cell cell) {
        missing = readCell(input.getKey(), cell, group, cells, inputs);
      } else {
        missing =
            readPopulation(
                input.getKey(), (Term.Population) input.getValue(), group, populations, inputs);
      }
      if (missing.isPresent()) {
        return new IndicatorValue(indicator, group, null, missing.get(), inputs);
      }
    }
    Expression expression = new Expression(indicator.formula(), CONFIGURATION);
    for (Map.Entry<String, Long> input : inputs.entrySet()) {
      expression.with(input.getKey(), BigDecimal.valueOf(input.getValue()));
    }
    try {
      BigDecimal value = expression.evaluate().getNumberValue();
      return new IndicatorValue(
          indicator,
          group,
          value.setScale(indicator.decimals(), RoundingMode.HALF_EVEN),
          null,
          inputs);
    } catch (EvaluationException e) {
      return new IndicatorValue(indicator, group, null, reason(e), inputs);
    } catch (ParseException e) {
      // The catalogue parses every formula when it is read; a bad one here is a program error.
      throw new PuenteException(
          ErrorCode.INTERNAL, "indicator " + indicator.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The reference an input reads for a group: the input's own codes, then the group's codes for the
   * other dimensions, with the period shifted by the input's offset.
   */
  static Optional<CellRef> resolve(Term.Cell cell, Map<String, String> group) {
    CellRef ref = cell.ref();
    for (Map.Entry<String, String> code : group.entrySet()) {
      // An input that fixes a dimension (sex = M in a sex ratio) keeps its own codes.
      if (!ref.where().containsKey(code.getKey())) {
        ref = ref.with(code.getKey(), List.of(code.getValue()));
      }
    }
    if (cell.offset().isPresent()) {
      String period = group.get(PERIOD);
      if (period == null) {
        return Optional.empty();
      }
      Optional<String> shifted = cell.offset().get().apply(period);
      if (shifted.isEmpty()) {
        return Optional.empty();
      }
      ref = ref.with(PERIOD, List.of(shifted.get()));
    }
    return Optional.of(ref);
  }

  private static Optional<String> readCell(
      String name,
      Term.Cell cell,
      Map<String, String> group,
      CellSource cells,
      Map<String, Long> inputs) {
    Optional<CellRef> ref = resolve(cell, group);
    if (ref.isEmpty()) {
      return Optional.of(unshiftable(name, cell, group));
    }
    inputs.put(name, cells.value(ref.get()));
    return Optional.empty();
  }

  private static String unshiftable(String name, Term.Cell cell, Map<String, String> group) {
    return "input "
        + name
        + " shifts the period by "
        + cell.offset().orElseThrow()
        + ": the group needs a period it can shift, not "
        + group.getOrDefault(PERIOD, "none");
  }

  private static Optional<String> readPopulation(
      String name,
      Term.Population population,
      Map<String, String> group,
      PopulationSource populations,
      Map<String, Long> inputs) {
    String country = group.get(COUNTRY);
    Optional<Integer> year = Optional.ofNullable(group.get(PERIOD)).flatMap(PeriodOffset::yearOf);
    if (country == null || year.isEmpty()) {
      return Optional.of("population needs a reporting_country and a period in the group");
    }
    String groupSex = group.get("sex");
    String sex =
        population.sex().orElse("F".equals(groupSex) || "M".equals(groupSex) ? groupSex : "_T");
    OptionalLong value = populations.population(country, year.get(), sex);
    if (value.isEmpty()) {
      return Optional.of(
          "population missing for "
              + country
              + " "
              + year.get()
              + ("_T".equals(sex) ? "" : " sex " + sex));
    }
    inputs.put(name, value.getAsLong());
    return Optional.empty();
  }

  private static String reason(EvaluationException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.toLowerCase(Locale.ROOT).contains("division by zero")
        ? "division by zero"
        : "cannot evaluate: " + message;
  }
}
