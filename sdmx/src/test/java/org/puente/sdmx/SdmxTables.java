package org.puente.sdmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.sdc.CellStatus;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.PublishedTable;

/** Protected tables of the standard cubes, built by hand, for the data message tests. */
final class SdmxTables {

  static final CubeCatalogue CATALOGUE = CubeCatalogue.standard();

  private SdmxTables() {}

  /**
   * Crossings in 2024 by reporting country and sex: GTM men are a primary suppression (frequency),
   * GTM women and the regional totals by sex secondary ones.
   */
  static PublishedTable crossings2024() {
    return crossings(Map.of("period", "2024"));
  }

  /** The crossings table with extra metadata (filters, another period). */
  static PublishedTable crossings(Map<String, String> extra) {
    CubeDefinition cube = CATALOGUE.require("crossings");
    List<Dimension> dimensions =
        List.of(
            cube.dimension("reporting_country").orElseThrow(), cube.dimension("sex").orElseThrow());
    List<PublishedTable.Row> rows = new ArrayList<>();
    rows.add(row("_T", "GTM", "F", null, CellStatus.SECONDARY));
    rows.add(row("_T", "GTM", "M", null, CellStatus.PRIMARY_FREQUENCY));
    rows.add(row("_T", "GTM", "_T", 122L, CellStatus.PUBLISHED));
    rows.add(row("_T", "HND", "F", 40L, CellStatus.PUBLISHED));
    rows.add(row("_T", "HND", "M", 55L, CellStatus.PUBLISHED));
    rows.add(row("_T", "HND", "_T", 95L, CellStatus.PUBLISHED));
    rows.add(row("_T", "_T", "F", null, CellStatus.SECONDARY));
    rows.add(row("_T", "_T", "M", null, CellStatus.SECONDARY));
    rows.add(row("_T", "_T", "_T", 217L, CellStatus.PUBLISHED));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("cube", "crossings");
    metadata.put("by", "reporting_country,sex");
    metadata.putAll(extra);
    metadata.put("period_level", "year");
    metadata.putAll(ProtectionRules.defaults().metadata());
    metadata.put("suppressed_cells", "4");
    return new PublishedTable(cube, dimensions, false, rows, metadata);
  }

  /** Distinct travellers by sex, one slice per year (2023, 2024); one dominance suppression. */
  static PublishedTable travellersByYear() {
    CubeDefinition cube = CATALOGUE.require("travellers");
    List<Dimension> dimensions = List.of(cube.dimension("sex").orElseThrow());
    List<PublishedTable.Row> rows = new ArrayList<>();
    rows.add(sliceRow("2023", "F", 300L, CellStatus.PUBLISHED));
    rows.add(sliceRow("2023", "M", 310L, CellStatus.PUBLISHED));
    rows.add(sliceRow("2023", "_T", 610L, CellStatus.PUBLISHED));
    rows.add(sliceRow("2024", "F", null, CellStatus.PRIMARY_DOMINANCE));
    rows.add(sliceRow("2024", "M", null, CellStatus.SECONDARY));
    rows.add(sliceRow("2024", "_T", 650L, CellStatus.PUBLISHED));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("cube", "travellers");
    metadata.put("by", "sex");
    metadata.put("period_level", "year");
    metadata.put("sliced_by_period", "true");
    metadata.putAll(ProtectionRules.defaults().metadata());
    return new PublishedTable(cube, dimensions, true, rows, metadata);
  }

  private static PublishedTable.Row row(
      String slice, String country, String sex, Long value, CellStatus status) {
    return new PublishedTable.Row(
        slice,
        List.of(country, sex),
        value == null ? OptionalLong.empty() : OptionalLong.of(value),
        status);
  }

  private static PublishedTable.Row sliceRow(
      String slice, String sex, Long value, CellStatus status) {
    return new PublishedTable.Row(
        slice, List.of(sex), value == null ? OptionalLong.empty() : OptionalLong.of(value), status);
  }

  /** The expected SDMX key of a row: its codes where the table has them, else the fixed codes. */
  static Map<String, String> expectedKey(PublishedTable table, PublishedTable.Row row) {
    Map<String, String> key = new LinkedHashMap<>();
    for (Dimension dimension : table.cube().dimensions()) {
      String code = "_T";
      for (int d = 0; d < table.dimensions().size(); d++) {
        if (table.dimensions().get(d).id().equals(dimension.id())) {
          code = row.codes().get(d);
        }
      }
      if (dimension.id().equals("period")) {
        code = table.sliced() ? row.slice() : table.metadata().getOrDefault("period", "_T");
      }
      String where = table.metadata().get("where." + dimension.id());
      if (where != null && code.equals("_T")) {
        code = where;
      }
      key.put(SdmxIds.dimension(dimension), code);
    }
    return key;
  }

  /** The expected CONF_STATUS of a status. */
  static String expectedConfStatus(CellStatus status) {
    return switch (status) {
      case PRIMARY_FREQUENCY, PRIMARY_DOMINANCE -> "C";
      case SECONDARY -> "D";
      case UNPROTECTED -> "N";
      default -> "F";
    };
  }
}
