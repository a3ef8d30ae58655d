package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.schema.EventKind;

/** The catalog's {@code sources} table. */
public final class SourceRegistry {

  private static final String COLUMNS =
      "id, reporting_country, event_kind, spec_name, spec_version, created_at";

  private final Catalog catalog;

  SourceRegistry(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The source with these four values, registered now if it was not yet. */
  public Source register(
      String reportingCountry, EventKind eventKind, String specName, String specVersion) {
    requireNonNull(eventKind, "eventKind is null");
    requireNonNull(specName, "specName is null");
    requireNonNull(specVersion, "specVersion is null");
    Source.checkCountry(reportingCountry);
    try {
      return catalog.inTransactionOrSqlException(
          connection -> {
            Optional<Source> known =
                find(connection, reportingCountry, eventKind, specName, specVersion);
            if (known.isPresent()) {
              return known.get();
            }
            return insert(connection, reportingCountry, eventKind, specName, specVersion);
          });
    } catch (SQLException e) {
      if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw catalog.failure(e);
      }
      // Another writer registered the same source between our look-up and insert.
      return catalog.inTransaction(
          connection ->
              find(connection, reportingCountry, eventKind, specName, specVersion).orElseThrow());
    }
  }

  public Source get(long id) {
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM sources WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
              if (!row.next()) {
                throw new PuenteException(ErrorCode.NOT_FOUND, "no source " + id);
              }
              return read(row);
            }
          }
        });
  }

  public List<Source> list() {
    return catalog.inTransaction(
        connection -> {
          List<Source> sources = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT " + COLUMNS + " FROM sources ORDER BY id");
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              sources.add(read(row));
            }
          }
          return sources;
        });
  }

  private static Optional<Source> find(
      Connection connection, String country, EventKind kind, String specName, String specVersion)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM sources WHERE reporting_country = ? AND event_kind = ?"
                + " AND spec_name = ? AND spec_version = ?")) {
      statement.setString(1, country);
      statement.setString(2, kind.name());
      statement.setString(3, specName);
      statement.setString(4, specVersion);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    }
  }

  private Source insert(
      Connection connection, String country, EventKind kind, String specName, String specVersion)
      throws SQLException {
    var now = catalog.clock().instant();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO sources (reporting_country, event_kind, spec_name, spec_version,"
                + " created_at) VALUES (?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      statement.setString(1, country);
      statement.setString(2, kind.name());
      statement.setString(3, specName);
      statement.setString(4, specVersion);
      Jdbc.setInstant(statement, 5, now);
      statement.executeUpdate();
      return new Source(Jdbc.generatedId(statement), country, kind, specName, specVersion, now);
    }
  }

  private static Source read(ResultSet row) throws SQLException {
    return new Source(
        row.getLong("id"),
        row.getString("reporting_country"),
        EventKind.valueOf(row.getString("event_kind")),
        row.getString("spec_name"),
        row.getString("spec_version"),
        Jdbc.instant(row, "created_at"));
  }
}
