package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * A table of one cube: the dimensions to break it down by, filters, and the periods.
 *
 * @param cube the cube's id
 * @param by the dimensions of the table, in order; every level of each is shown
 * @param where dimension → codes at any level of its hierarchy (e.g. citizenship 419); a record is
 *     kept when its code is one of them or lies under one
 * @param period a period code ({@code 2024}, {@code 2024-Q2}, {@code 2024-03}) or a range of months
 *     {@code 2024-01..2024-06}; empty for every period
 * @param periodLevel for a cube whose periods are slices (distinct travellers, stocks): {@code
 *     month}, {@code quarter} or {@code year}, the length of each slice
 */
public record TableRequest(
    String cube,
    List<String> by,
    Map<String, List<String>> where,
    Optional<String> period,
    String periodLevel) {

  public static final List<String> PERIOD_LEVELS = List.of("month", "quarter", "year");

  public TableRequest {
    requireNonNull(cube, "cube is null");
    by = List.copyOf(requireNonNull(by, "by is null"));
    where = Map.copyOf(requireNonNull(where, "where is null"));
    requireNonNull(period, "period is null");
    requireNonNull(periodLevel, "periodLevel is null");
    if (new HashSet<>(by).size() != by.size()) {
      throw new PuenteException(ErrorCode.USAGE, "--by names a dimension twice: " + by);
    }
    if (!PERIOD_LEVELS.contains(periodLevel)) {
      throw new PuenteException(
          ErrorCode.USAGE, "period level must be one of " + PERIOD_LEVELS + ": " + periodLevel);
    }
  }

  /** A table by {@code by}, every record, slices of a year. */
  public static TableRequest of(String cube, List<String> by) {
    return new TableRequest(cube, by, Map.of(), Optional.empty(), "year");
  }

  public TableRequest where(String dimension, List<String> codes) {
    Map<String, List<String>> more = new java.util.LinkedHashMap<>(where);
    more.put(dimension, List.copyOf(codes));
    return new TableRequest(cube, by, more, period, periodLevel);
  }

  public TableRequest period(String period) {
    return new TableRequest(cube, by, where, Optional.of(period), periodLevel);
  }

  public TableRequest periodLevel(String level) {
    return new TableRequest(cube, by, where, period, level);
  }

  /**
   * The request in words, for the audit log: the cube, its breakdown, its filters and its period
   * ({@code table crossings by sex where reporting_country=GTM period 2024}).
   */
  public String describe() {
    StringBuilder text = new StringBuilder("table " + cube);
    if (!by.isEmpty()) {
      text.append(" by ").append(String.join(",", by));
    }
    where.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                text.append(" where ")
                    .append(e.getKey())
                    .append('=')
                    .append(String.join(",", e.getValue())));
    period.ifPresent(p -> text.append(" period ").append(p));
    return text.toString();
  }
}
