package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The catalog's {@code peers} table (migration V6): the nodes a hub pulls from. It stores what it
 * is given; fetching a peer's key and sealing its token are the hub's.
 */
public final class PeerDirectory {

  private static final String COLUMNS = "name, url, token_sealed, public_key, countries, added_at";

  private final Catalog catalog;

  PeerDirectory(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Adds a peer.
   *
   * @throws PuenteException CONFLICT when a peer has the name already
   */
  public void add(PeerRecord peer) {
    requireNonNull(peer, "peer is null");
    try {
      catalog.inTransactionOrSqlException(
          connection -> {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "INSERT INTO peers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
              statement.setString(1, peer.name());
              statement.setString(2, peer.url());
              statement.setString(3, peer.tokenSealed());
              statement.setString(4, peer.publicKey());
              statement.setString(5, String.join(",", peer.countries()));
              Jdbc.setInstant(statement, 6, peer.addedAt());
              statement.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PuenteException(
            ErrorCode.CONFLICT, "a peer named " + peer.name() + " exists already");
      }
      throw catalog.failure(e);
    }
  }

  /** The peer with this name. */
  public Optional<PeerRecord> find(String name) {
    requireNonNull(name, "name is null");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM peers WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
              return row.next() ? Optional.of(read(row)) : Optional.<PeerRecord>empty();
            }
          }
        });
  }

  /** Every peer, by name. */
  public List<PeerRecord> list() {
    List<PeerRecord> peers =
        catalog.inTransaction(
            connection -> {
              List<PeerRecord> rows = new ArrayList<>();
              try (PreparedStatement statement =
                      connection.prepareStatement("SELECT " + COLUMNS + " FROM peers");
                  ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                  rows.add(read(row));
                }
              }
              return rows;
            });
    // Sorted here, not by ORDER BY: H2 and PostgreSQL collate text differently.
    peers.sort(Comparator.comparing(PeerRecord::name));
    return peers;
  }

  /**
   * Removes a peer; what was pulled from it stays, for provenance, but is no longer current.
   *
   * @throws PuenteException NOT_FOUND when no peer has the name
   */
  public void remove(String name) {
    requireNonNull(name, "name is null");
    int removed =
        catalog.inTransaction(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement("DELETE FROM peers WHERE name = ?")) {
                statement.setString(1, name);
                return statement.executeUpdate();
              }
            });
    if (removed == 0) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no peer named " + name);
    }
  }

  private static PeerRecord read(ResultSet row) throws SQLException {
    return new PeerRecord(
        row.getString("name"),
        row.getString("url"),
        row.getString("token_sealed"),
        row.getString("public_key"),
        Arrays.asList(row.getString("countries").split(",")),
        Jdbc.instant(row, "added_at"));
  }

  static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT 1 FROM peers WHERE name = ?")) {
      statement.setString(1, name);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }
}
