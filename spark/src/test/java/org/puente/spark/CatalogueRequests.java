package org.puente.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.DimensionKind;
import org.puente.stats.TableRequest;

/**
 * Table requests generated from a cube's definition, so that a new cube or dimension in the
 * catalogue is compared without anyone adding it to a list: across a cube's requests every
 * dimension is in some table. A table has at most three dimensions, at most two of them with many
 * codes (age, a country, a port), so tables stay small enough to protect quickly. Period levels
 * rotate (month, quarter, year); the first request of a cube filters a period (a year, a quarter or
 * a range of months, by cube), the second filters a code high in a hierarchy.
 */
final class CatalogueRequests {

  /** The period filters, one per cube in turn: a year, a quarter, a range of months. */
  private static final List<String> PERIODS = List.of("2024", "2023-Q3", "2023-04..2024-03");

  private static final List<String> LEVELS = TableRequest.PERIOD_LEVELS;

  private CatalogueRequests() {}

  /** The requests over the {@code index}-th cube of the catalogue. */
  static List<TableRequest> of(CubeDefinition cube, int index) {
    List<Dimension> large = new ArrayList<>();
    List<Dimension> small = new ArrayList<>();
    for (Dimension dimension : cube.dimensions()) {
      if (isLarge(dimension)) {
        large.add(dimension);
      } else {
        small.add(dimension);
      }
    }
    // At most two dimensions with many codes and three in all per table: dimension j, the large
    // ones first, goes to table j modulo the number of tables.
    List<Dimension> ordered = new ArrayList<>(large);
    ordered.addAll(small);
    int tables = Math.max(1, Math.max((large.size() + 1) / 2, (ordered.size() + 2) / 3));
    List<List<String>> by = new ArrayList<>();
    for (int table = 0; table < tables; table++) {
      by.add(new ArrayList<>());
    }
    for (int j = 0; j < ordered.size(); j++) {
      by.get(j % tables).add(ordered.get(j).id());
    }
    List<TableRequest> requests = new ArrayList<>();
    for (int table = 0; table < by.size(); table++) {
      TableRequest request =
          TableRequest.of(cube.id(), by.get(table))
              .periodLevel(LEVELS.get((index + table) % LEVELS.size()));
      if (table == 0) {
        request = request.period(PERIODS.get(index % PERIODS.size()));
      }
      if (table == Math.min(1, by.size() - 1)) {
        request = codeFilter(cube, request);
      }
      requests.add(request);
    }
    return requests;
  }

  /**
   * The age level a table is published at: UN five-year groups when age shares the table with
   * another dimension of many codes (such tables are the slowest to protect), else single years.
   * Both levels occur across the catalogue.
   */
  static String ageLevel(CubeDefinition cube, TableRequest request) {
    long large =
        request.by().stream().filter(d -> isLarge(cube.dimension(d).orElseThrow())).count();
    return request.by().contains("age") && large >= 2 ? "group" : "single";
  }

  /** The dimensions of a cube that none of {@code requests} breaks a table down by. */
  static Set<String> uncovered(CubeDefinition cube, List<TableRequest> requests) {
    Set<String> left = new LinkedHashSet<>();
    cube.dimensions().forEach(d -> left.add(d.id()));
    requests.forEach(r -> r.by().forEach(left::remove));
    return left;
  }

  /**
   * A filter on a code above the leaves, on a dimension the table does not show: citizenship in
   * Latin America and the Caribbean (M49 419), or else ages 20 to 24, or else women.
   */
  private static TableRequest codeFilter(CubeDefinition cube, TableRequest request) {
    if (cube.dimension("citizenship").isPresent() && !request.by().contains("citizenship")) {
      return request.where("citizenship", List.of("419"));
    }
    if (cube.dimension("age").isPresent() && !request.by().contains("age")) {
      return request.where("age", List.of("Y20T24"));
    }
    return request.where("sex", List.of("F"));
  }

  /** A dimension with many codes: single years of age, countries, ports. */
  private static boolean isLarge(Dimension dimension) {
    return dimension.kind() == DimensionKind.AGE
        || dimension.kind() == DimensionKind.COUNTRY
        || dimension.kind() == DimensionKind.PORT;
  }
}
