package org.puente.server.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sdmx.SdmxIds;
import org.puente.stats.TableRequest;

/**
 * An SDMX REST v2 data query (its key and {@code c[DIM]} filters) as the table to ask for and the
 * codes to keep from it. Both must hold: each dimension's codes are those of its key position that
 * its filter also lets through. A dimension left with one code filters the table (the total {@code
 * _T} filters nothing); one left with several codes, with every code (wildcard) or with a range of
 * periods breaks the table down and keeps the codes that match; one left with none makes the answer
 * empty.
 *
 * @param request the table to ask for
 * @param kept per broken-down dimension id, which of its codes to keep
 * @param empty whether no code can match (the key and a filter exclude each other)
 */
record SdmxDataQuery(TableRequest request, Map<String, Predicate<String>> kept, boolean empty) {

  private static final String PERIOD = "period";

  /** The comparison operators SDMX allows on a time period (ne, co, sw… are not supported). */
  private static final Set<String> PERIOD_OPERATORS = Set.of("eq", "ge", "gt", "le", "lt");

  SdmxDataQuery {
    requireNonNull(request, "request is null");
    kept = Map.copyOf(requireNonNull(kept, "kept is null"));
  }

  /**
   * The query of {@code key} and the {@code c[DIM]} filters ({@code filters}: SDMX component id →
   * its value, as sent) over {@code cube}; USAGE for a malformed key or filter, or one that would
   * break down more than {@code maxBreakdown} dimensions.
   */
  static SdmxDataQuery parse(
      CubeDefinition cube, String key, Map<String, String> filters, int maxBreakdown) {
    List<Dimension> dimensions = cube.dimensions();
    String[] positions = key.isEmpty() ? new String[0] : key.split("\\.", -1);
    if (positions.length > dimensions.size()) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "the key has "
              + positions.length
              + " positions; "
              + SdmxIds.dataflow(cube)
              + " has "
              + dimensions.size()
              + " dimensions: "
              + ids(dimensions, "."));
    }
    Map<String, Dimension> bySdmxId = new LinkedHashMap<>();
    dimensions.forEach(d -> bySdmxId.put(SdmxIds.dimension(d), d));
    for (String component : filters.keySet()) {
      if (!bySdmxId.containsKey(component)) {
        boolean other =
            component.equals(SdmxIds.OBS_VALUE)
                || component.equals(SdmxIds.OBS_STATUS)
                || component.equals(SdmxIds.CONF_STATUS)
                || component.equals(SdmxIds.SDC_RULE);
        throw new PuenteException(
            ErrorCode.USAGE,
            "c["
                + component
                + "]: "
                + (other ? "only dimensions may be filtered; " : "no such dimension; ")
                + SdmxIds.dataflow(cube)
                + " has "
                + ids(dimensions, ", "));
      }
    }
    List<String> by = new ArrayList<>();
    Map<String, List<String>> where = new LinkedHashMap<>();
    Map<String, Predicate<String>> kept = new LinkedHashMap<>();
    Optional<String> period = Optional.empty();
    String level = "year";
    boolean empty = false;
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension dimension = dimensions.get(i);
      String sdmxId = SdmxIds.dimension(dimension);
      String position = i < positions.length ? positions[i].trim() : "";
      Optional<Set<String>> keyCodes =
          position.isEmpty() || position.equals("*")
              ? Optional.empty()
              : Optional.of(codes(position));
      Optional<String> filter = Optional.ofNullable(filters.get(sdmxId));
      boolean isPeriod = dimension.id().equals(PERIOD);
      Optional<Set<String>> filterCodes = Optional.empty();
      Optional<PeriodRange> range = Optional.empty();
      if (filter.isPresent()) {
        if (isPeriod && filter.get().contains(":")) {
          range = Optional.of(PeriodRange.parse(filter.get()));
        } else {
          filterCodes = Optional.of(plainCodes(sdmxId, filter.get()));
        }
      }
      Optional<Set<String>> both = intersect(keyCodes, filterCodes);
      if (isPeriod) {
        level = periodLevel(both, range);
      }
      if (range.isPresent()) {
        // A range of periods: the table by period at the codes' level, keeping those in range.
        PeriodRange r = range.get();
        Optional<Set<String>> allowed = both;
        String rangeLevel = level;
        by.add(dimension.id());
        kept.put(
            dimension.id(),
            code ->
                RollUp.periodLevel(code).map(rangeLevel::equals).orElse(false)
                    && r.matches(code)
                    && allowed.map(a -> a.contains(code)).orElse(true));
        continue;
      }
      if (both.isEmpty()) {
        by.add(dimension.id());
        kept.put(dimension.id(), code -> true);
        continue;
      }
      Set<String> codes = both.get();
      if (codes.isEmpty()) {
        empty = true;
      } else if (codes.size() == 1) {
        String code = codes.iterator().next();
        if (code.equals(Dimension.TOTAL)) {
          continue;
        }
        if (isPeriod) {
          period = Optional.of(code);
        } else {
          where.put(dimension.id(), List.of(code));
        }
      } else {
        by.add(dimension.id());
        kept.put(dimension.id(), codes::contains);
      }
    }
    if (!empty && by.size() > maxBreakdown) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "at most "
              + maxBreakdown
              + " dimensions may be broken down in one query, and this one breaks down "
              + by.size()
              + " (wildcards, positions left out, several codes, period ranges): give one code, or"
              + " _T for the total, for the others, in their key positions or as c[DIM] filters");
    }
    return new SdmxDataQuery(new TableRequest(cube.id(), by, where, period, level), kept, empty);
  }

  /** The codes of a key position: one, or several joined by {@code ,} or {@code +}. */
  private static Set<String> codes(String position) {
    return Arrays.stream(position.split("[,+ ]"))
        .map(String::trim)
        .filter(c -> !c.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The codes of a {@code c[DIM]} filter without operators ({@code eq:} allowed). */
  private static Set<String> plainCodes(String component, String filter) {
    Set<String> codes = new LinkedHashSet<>();
    for (String term : codes(filter)) {
      int colon = term.indexOf(':');
      if (colon >= 0) {
        String operator = term.substring(0, colon);
        if (!operator.equals("eq")) {
          throw new PuenteException(
              ErrorCode.USAGE,
              "c["
                  + component
                  + "]: operator "
                  + operator
                  + ": is not supported; give codes joined by ',' (ge:, gt:, le:, lt: are for"
                  + " TIME_PERIOD only)");
        }
        term = term.substring(colon + 1);
      }
      codes.add(term);
    }
    if (codes.isEmpty()) {
      throw new PuenteException(ErrorCode.USAGE, "c[" + component + "] is empty");
    }
    return codes;
  }

  private static Optional<Set<String>> intersect(Optional<Set<String>> a, Optional<Set<String>> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    Set<String> both = new LinkedHashSet<>(a.get());
    both.retainAll(b.get());
    return Optional.of(both);
  }

  /**
   * The period level the codes asked for share ({@code year} when none is asked for); USAGE for a
   * code that is no period or codes of several levels.
   */
  private static String periodLevel(Optional<Set<String>> codes, Optional<PeriodRange> range) {
    Set<String> all = new TreeSet<>(codes.orElse(Set.of()));
    range.ifPresent(r -> all.addAll(r.codes()));
    all.remove(Dimension.TOTAL);
    Set<String> levels = new TreeSet<>();
    for (String code : all) {
      levels.add(
          RollUp.periodLevel(code)
              .orElseThrow(
                  () ->
                      new PuenteException(
                          ErrorCode.USAGE,
                          SdmxIds.TIME_PERIOD
                              + ": "
                              + code
                              + " is not a year (2024), a quarter (2024-Q1) or a month"
                              + " (2024-03)")));
    }
    if (levels.size() > 1) {
      throw new PuenteException(
          ErrorCode.USAGE,
          SdmxIds.TIME_PERIOD
              + ": the periods asked for mix "
              + String.join(" and ", levels)
              + "s; ask for one kind (years, quarters or months)");
    }
    return levels.isEmpty() ? "year" : levels.iterator().next();
  }

  private static String ids(List<Dimension> dimensions, String separator) {
    return dimensions.stream().map(SdmxIds::dimension).collect(Collectors.joining(separator));
  }

  /**
   * A {@code c[TIME_PERIOD]} filter with operators: alternatives joined by {@code ,} (OR), each of
   * terms joined by {@code +} (AND), a term {@code ge:2023}, {@code lt:2024-Q3} or a plain period.
   * Periods of one level compare as text ({@code 2024-03} before {@code 2024-11}).
   */
  private record PeriodRange(List<List<Term>> alternatives) {

    private record Term(String operator, String code) {
      boolean matches(String period) {
        int order = period.compareTo(code);
        return switch (operator) {
          case "eq" -> order == 0;
          case "ge" -> order >= 0;
          case "gt" -> order > 0;
          case "le" -> order <= 0;
          case "lt" -> order < 0;
          default -> throw new IllegalStateException(operator);
        };
      }
    }

    static PeriodRange parse(String filter) {
      List<List<Term>> alternatives = new ArrayList<>();
      for (String alternative : filter.split(",")) {
        List<Term> terms = new ArrayList<>();
        // '+' arrives as a space when the query string was not percent-encoded
        for (String term : alternative.split("[+ ]")) {
          if (term.isBlank()) {
            continue;
          }
          int colon = term.indexOf(':');
          String operator = colon < 0 ? "eq" : term.substring(0, colon).trim();
          String code = term.substring(colon + 1).trim();
          if (!PERIOD_OPERATORS.contains(operator)) {
            throw new PuenteException(
                ErrorCode.USAGE,
                "c["
                    + SdmxIds.TIME_PERIOD
                    + "]: operator "
                    + operator
                    + ": is not supported; use ge:, gt:, le:, lt: or periods");
          }
          terms.add(new Term(operator, code));
        }
        if (terms.isEmpty()) {
          throw new PuenteException(
              ErrorCode.USAGE, "c[" + SdmxIds.TIME_PERIOD + "] has an empty alternative");
        }
        alternatives.add(terms);
      }
      return new PeriodRange(alternatives);
    }

    List<String> codes() {
      return alternatives.stream().flatMap(List::stream).map(Term::code).toList();
    }

    boolean matches(String period) {
      return alternatives.stream()
          .anyMatch(terms -> terms.stream().allMatch(t -> t.matches(period)));
    }
  }
}
