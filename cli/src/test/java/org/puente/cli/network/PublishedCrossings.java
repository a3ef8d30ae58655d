package org.puente.cli.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A node's protected crossings by year, direction and counterpart, as its SDMX data endpoint
 * publishes them (SDMX-CSV 2.0): the key {@code C.*.*._T._T._T._T.*._T._T._T._T} asks for reporting
 * country C broken down by period (years), direction and counterpart country, every other dimension
 * at its total.
 */
final class PublishedCrossings {

  /** The SDMX path of country {@code country}'s crossings by year, direction and counterpart. */
  static String path(String country) {
    return "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/"
        + country
        + ".*.*._T._T._T._T.*._T._T._T._T?format=csv";
  }

  /** One published or suppressed cell: its value (empty when suppressed) and CONF_STATUS. */
  record Observation(OptionalLong value, String confStatus) {
    Observation {
      requireNonNull(value, "value is null");
      requireNonNull(confStatus, "confStatus is null");
    }

    boolean published() {
      return confStatus.equals("F");
    }
  }

  private final Map<RecordedCrossings.Cell, Observation> cells;

  private PublishedCrossings(Map<RecordedCrossings.Cell, Observation> cells) {
    this.cells = Map.copyOf(cells);
  }

  /** Reads the SDMX-CSV answer; keeps the rows of single years and of one direction. */
  static PublishedCrossings parse(String csv) {
    Map<RecordedCrossings.Cell, Observation> cells = new HashMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try {
      for (CSVRecord row : format.parse(new StringReader(csv))) {
        String period = row.get("TIME_PERIOD");
        String direction = row.get("DIRECTION");
        if (!period.matches("[0-9]{4}") || direction.equals("_T")) {
          continue;
        }
        String value = row.get("OBS_VALUE");
        cells.put(
            new RecordedCrossings.Cell(
                row.get("REPORTING_COUNTRY"),
                Integer.parseInt(period),
                direction,
                row.get("COUNTERPART_COUNTRY")),
            new Observation(
                value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value)),
                row.get("CONF_STATUS")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PublishedCrossings(cells);
  }

  Optional<Observation> cell(String country, int year, String direction, String counterpart) {
    return Optional.ofNullable(
        cells.get(new RecordedCrossings.Cell(country, year, direction, counterpart)));
  }

  Map<RecordedCrossings.Cell, Observation> cells() {
    return cells;
  }
}
