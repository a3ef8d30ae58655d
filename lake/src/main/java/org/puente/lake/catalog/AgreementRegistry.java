package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.LinkKind;

/** The catalog's {@code agreements} table (migration V7): what each agreement allows. */
public final class AgreementRegistry {

  private static final String COLUMNS =
      "id, party_a, party_b, link, purpose, valid_from, valid_until, fields, key_id";

  private final Catalog catalog;

  AgreementRegistry(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Records an agreement.
   *
   * @throws PuenteException CONFLICT when an agreement has the id already
   */
  public void add(Agreement agreement) {
    requireNonNull(agreement, "agreement is null");
    try {
      catalog.inTransactionOrSqlException(
          connection -> {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "INSERT INTO agreements ("
                        + COLUMNS
                        + ", added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              statement.setString(1, agreement.id());
              statement.setString(2, agreement.partyA());
              statement.setString(3, agreement.partyB());
              statement.setString(4, agreement.link().name());
              statement.setString(5, agreement.purpose());
              statement.setDate(6, Date.valueOf(agreement.validFrom()));
              statement.setDate(7, Date.valueOf(agreement.validUntil()));
              statement.setString(
                  8,
                  String.join(",", agreement.fields().stream().map(AgreementField::code).toList()));
              statement.setString(9, agreement.keyId());
              Jdbc.setInstant(statement, 10, catalog.clock().instant());
              statement.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PuenteException(
            ErrorCode.CONFLICT, "an agreement " + agreement.id() + " exists already");
      }
      throw catalog.failure(e);
    }
  }

  /** The agreement with this id. */
  public Optional<Agreement> find(String id) {
    requireNonNull(id, "id is null");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM agreements WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
              return row.next() ? Optional.of(read(row)) : Optional.<Agreement>empty();
            }
          }
        });
  }

  /** Every agreement, by id. */
  public List<Agreement> list() {
    List<Agreement> agreements =
        catalog.inTransaction(
            connection -> {
              List<Agreement> rows = new ArrayList<>();
              try (PreparedStatement statement =
                      connection.prepareStatement("SELECT " + COLUMNS + " FROM agreements");
                  ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                  rows.add(read(row));
                }
              }
              return rows;
            });
    // Sorted here, not by ORDER BY: H2 and PostgreSQL collate text differently.
    agreements.sort(Comparator.comparing(Agreement::id));
    return agreements;
  }

  private static Agreement read(ResultSet row) throws SQLException {
    return new Agreement(
        row.getString("id"),
        row.getString("party_a"),
        row.getString("party_b"),
        LinkKind.valueOf(row.getString("link")),
        row.getString("purpose"),
        row.getDate("valid_from").toLocalDate(),
        row.getDate("valid_until").toLocalDate(),
        AgreementField.parseList(row.getString("fields")),
        row.getString("key_id"));
  }
}
