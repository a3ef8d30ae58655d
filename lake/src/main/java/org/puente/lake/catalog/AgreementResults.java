package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The catalog's {@code agreement_results} table (migration V7): the protected counts of each
 * linkage a hub computed. Only counts: the tokens linked are never stored.
 */
public final class AgreementResults {

  /** One linkage's cells and when they were computed. */
  public record Computed(String agreement, Instant computedAt, List<AgreementResult> cells) {
    public Computed {
      requireNonNull(agreement, "agreement is null");
      requireNonNull(computedAt, "computedAt is null");
      cells = List.copyOf(cells);
    }
  }

  private final Catalog catalog;

  AgreementResults(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Stores one linkage's protected cells, all in one transaction, computed now. */
  public Instant store(String agreement, List<AgreementResult> cells) {
    requireNonNull(agreement, "agreement is null");
    Instant now = catalog.clock().instant();
    catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO agreement_results"
                      + " (agreement, computed_at, period, measure, obs_value, status)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AgreementResult cell : cells) {
              statement.setString(1, agreement);
              Jdbc.setInstant(statement, 2, now);
              statement.setString(3, cell.month());
              statement.setString(4, cell.measure());
              if (cell.value().isPresent()) {
                statement.setLong(5, cell.value().getAsLong());
              } else {
                statement.setNull(5, Types.BIGINT);
              }
              statement.setString(6, cell.status());
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return null;
        });
    return now;
  }

  /** The latest linkage of an agreement, its cells by month then measure. */
  public Optional<Computed> latest(String agreement) {
    requireNonNull(agreement, "agreement is null");
    return catalog.inTransaction(
        connection -> {
          Instant latest = null;
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT MAX(computed_at) AS computed_at FROM agreement_results"
                      + " WHERE agreement = ?")) {
            statement.setString(1, agreement);
            try (ResultSet row = statement.executeQuery()) {
              if (row.next() && row.getObject("computed_at") != null) {
                latest = Jdbc.instant(row, "computed_at");
              }
            }
          }
          if (latest == null) {
            return Optional.<Computed>empty();
          }
          List<AgreementResult> cells = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT period, measure, obs_value, status FROM agreement_results"
                      + " WHERE agreement = ? AND computed_at = ?")) {
            statement.setString(1, agreement);
            Jdbc.setInstant(statement, 2, latest);
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                long value = row.getLong("obs_value");
                // Read at once: wasNull() tells of the last column read.
                OptionalLong published =
                    row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                cells.add(
                    new AgreementResult(
                        row.getString("period"),
                        row.getString("measure"),
                        published,
                        row.getString("status")));
              }
            }
          }
          cells.sort(
              Comparator.comparing(AgreementResult::month).thenComparing(AgreementResult::measure));
          return Optional.of(new Computed(agreement, latest, cells));
        });
  }
}
