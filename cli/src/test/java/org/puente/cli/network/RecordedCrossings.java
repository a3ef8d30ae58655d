package org.puente.cli.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The truth the network must reproduce, read from the simulator's {@code truth/crossings.csv}
 * (independent of ingestion, linkage and the cubes): every crossing a country's system recorded
 * ({@code recorded=true}) in the exported months, counted per reporting country, calendar year,
 * direction and counterpart country. A node's protected crossings table by counterpart must equal
 * these counts wherever it publishes a cell; the hub's mirror statistics are two of them side by
 * side ({@link #departures}, {@link #arrivals}).
 */
final class RecordedCrossings {

  /**
   * One cell: what {@code country} recorded in {@code year} in {@code direction} with {@code
   * counterpart}.
   */
  record Cell(String country, int year, String direction, String counterpart) {
    Cell {
      requireNonNull(country, "country is null");
      requireNonNull(direction, "direction is null");
      requireNonNull(counterpart, "counterpart is null");
    }
  }

  private final Map<Cell, Long> counts;
  private final long crossings;

  private RecordedCrossings(Map<Cell, Long> counts, long crossings) {
    this.counts = Map.copyOf(counts);
    this.crossings = crossings;
  }

  /**
   * Counts the recorded crossings of {@code countries} dated {@code first} to {@code last} (months,
   * inclusive) in {@code truth/crossings.csv} of a simulation.
   */
  static RecordedCrossings read(
      Path simulation, Set<String> countries, YearMonth first, YearMonth last) {
    LocalDate from = first.atDay(1);
    LocalDate to = last.atEndOfMonth();
    Map<Cell, Long> counts = new HashMap<>();
    long crossings = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader =
        Files.newBufferedReader(
            simulation.resolve("truth/crossings.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord row : format.parse(reader)) {
        if (!Boolean.parseBoolean(row.get("recorded")) || !countries.contains(row.get("country"))) {
          continue;
        }
        LocalDate date = LocalDate.parse(row.get("date"));
        if (date.isBefore(from) || date.isAfter(to)) {
          continue;
        }
        counts.merge(
            new Cell(
                row.get("country"), date.getYear(), row.get("direction"), row.get("counterpart")),
            1L,
            Long::sum);
        crossings++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RecordedCrossings(counts, crossings);
  }

  /** The recorded crossings of one cell; 0 when there are none. */
  long count(String country, int year, String direction, String counterpart) {
    return counts.getOrDefault(new Cell(country, year, direction, counterpart), 0L);
  }

  /** Every crossing {@code country} recorded in {@code year} in {@code direction}. */
  long total(String country, int year, String direction) {
    long total = 0;
    for (Map.Entry<Cell, Long> entry : counts.entrySet()) {
      Cell cell = entry.getKey();
      if (cell.country().equals(country)
          && cell.year() == year
          && cell.direction().equals(direction)) {
        total += entry.getValue();
      }
    }
    return total;
  }

  /** Departures {@code origin} recorded towards {@code destination} in {@code year}. */
  long departures(int year, String origin, String destination) {
    return count(origin, year, "DEPARTURE", destination);
  }

  /** Arrivals {@code destination} recorded from {@code origin} in {@code year}. */
  long arrivals(int year, String origin, String destination) {
    return count(destination, year, "ARRIVAL", origin);
  }

  /** Every non-empty cell. */
  Map<Cell, Long> cells() {
    return counts;
  }

  /** Recorded crossings counted, over all cells. */
  long crossings() {
    return crossings;
  }
}
