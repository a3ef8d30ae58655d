package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.puente.indicator.PopulationSource;

/**
 * The catalog's {@code population} table (migration V4): denominators for indicators per
 * population. A load replaces every country-year it contains, in one transaction.
 */
public final class PopulationTables implements PopulationSource {

  private static final String COLUMNS =
      "country, reference_year, sex, population, source, loaded_at";

  private final Catalog catalog;

  PopulationTables(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Loads {@code rows} in one transaction: each country-year they contain loses its earlier rows
   * and gets these. A country-year the rows do not mention is left as it was.
   *
   * @param source where the numbers come from, e.g. "UN WPP 2024"
   * @return the country-years replaced, as {@code GTM 2024}, in the order of the rows
   * @throws IllegalArgumentException when two rows give the same country, year and sex
   */
  public List<String> load(List<PopulationRow> rows, String source) {
    Map<String, List<PopulationRow>> byCountryYear = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (PopulationRow row : rows) {
      if (!seen.add(row.country() + " " + row.year() + " " + row.sex())) {
        throw new IllegalArgumentException(
            "two rows for " + row.country() + " " + row.year() + " sex " + row.sex());
      }
      byCountryYear
          .computeIfAbsent(row.country() + " " + row.year(), k -> new ArrayList<>())
          .add(row);
    }
    String checkedSource = checkSource(source);
    Instant now = now();
    return catalog.inTransaction(
        connection -> {
          for (List<PopulationRow> countryYear : byCountryYear.values()) {
            PopulationRow first = countryYear.get(0);
            replace(connection, first.country(), first.year(), countryYear, checkedSource, now);
          }
          return List.copyOf(byCountryYear.keySet());
        });
  }

  /**
   * Replaces the rows of one country-year with {@code rows} (none: the country-year is removed).
   *
   * @throws IllegalArgumentException when a row is for another country or year
   */
  public void replace(String country, int year, List<PopulationRow> rows, String source) {
    for (PopulationRow row : rows) {
      if (!row.country().equals(country) || row.year() != year) {
        throw new IllegalArgumentException("row " + row + " is not for " + country + " " + year);
      }
    }
    String checkedSource = checkSource(source);
    Instant now = now();
    catalog.inTransaction(
        connection -> {
          replace(connection, country, year, rows, checkedSource, now);
          return null;
        });
  }

  /** Every row, ordered by country, year and sex. */
  public List<PopulationRecord> list() {
    return catalog.inTransaction(
        connection -> {
          List<PopulationRecord> records = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM population ORDER BY country, reference_year, sex");
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              records.add(
                  new PopulationRecord(
                      new PopulationRow(
                          row.getString("country"),
                          row.getInt("reference_year"),
                          row.getString("sex"),
                          row.getLong("population")),
                      row.getString("source"),
                      Jdbc.instant(row, "loaded_at")));
            }
          }
          return records;
        });
  }

  @Override
  public OptionalLong population(String country, int year) {
    return population(country, year, "_T");
  }

  /** One query per call: indicator tables ask for a handful of country-years. */
  @Override
  public OptionalLong population(String country, int year, String sex) {
    requireNonNull(country, "country is null");
    requireNonNull(sex, "sex is null");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT population FROM population"
                      + " WHERE country = ? AND reference_year = ? AND sex = ?")) {
            statement.setString(1, country);
            statement.setInt(2, year);
            statement.setString(3, sex);
            try (ResultSet row = statement.executeQuery()) {
              return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
          }
        });
  }

  private static void replace(
      Connection connection,
      String country,
      int year,
      List<PopulationRow> rows,
      String source,
      Instant now)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM population WHERE country = ? AND reference_year = ?")) {
      delete.setString(1, country);
      delete.setInt(2, year);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO population (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      for (PopulationRow row : rows) {
        insert.setString(1, row.country());
        insert.setInt(2, row.year());
        insert.setString(3, row.sex());
        insert.setLong(4, row.population());
        insert.setString(5, source);
        Jdbc.setInstant(insert, 6, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private Instant now() {
    // Both databases keep microseconds.
    return catalog.clock().instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String checkSource(String source) {
    requireNonNull(source, "source is null");
    if (source.isBlank() || source.length() > 1000) {
      throw new IllegalArgumentException("a population source is 1 to 1,000 characters");
    }
    return source;
  }
}
