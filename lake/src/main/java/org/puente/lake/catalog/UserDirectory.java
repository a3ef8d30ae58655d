package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The catalog's {@code users}, {@code sessions} and {@code api_tokens} tables (migration V5). The
 * directory stores what it is given and checks only shapes: hashing passwords, session ids and
 * tokens, and deciding what a role may do, are the server's. It stores hashes only: a session or
 * token hash must be 64 lowercase hex digits (a SHA-256), a password hash a PHC string, so a clear
 * secret passed by mistake is refused rather than kept.
 */
public final class UserDirectory {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

  private static final String USER_COLUMNS =
      "id, name, password_hash, role, country, disabled, created_at";
  private static final String SESSION_COLUMNS =
      "session_hash, user_id, csrf_token, created_at, expires_at";
  private static final String TOKEN_COLUMNS = "id, user_id, label, created_at, expires_at, revoked";

  private final Catalog catalog;

  UserDirectory(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Adds an enabled account, created now.
   *
   * @param passwordHash the password's PHC string (at most 200 characters), never the password
   * @param role the role's code (1 to 32 characters); the server checks it is a known one
   * @param country an alpha-3 code, for a country-bound role
   * @throws PuenteException USAGE when the name is not 1 to 64 characters of {@code
   *     [A-Za-z0-9._@-]}, CONFLICT when an account has the name already
   */
  public UserAccount add(String name, String passwordHash, String role, Optional<String> country) {
    checkName(name);
    checkPasswordHash(passwordHash);
    requireNonNull(role, "role is null");
    if (role.isEmpty() || role.length() > 32) {
      throw new IllegalArgumentException("a role code is 1 to 32 characters");
    }
    requireNonNull(country, "country is null");
    if (country.isPresent() && !ALPHA3.matcher(country.get()).matches()) {
      throw new IllegalArgumentException("a user's country must be ISO alpha-3");
    }
    Instant now = now();
    try {
      return catalog.inTransactionOrSqlException(
          connection -> {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "INSERT INTO users (name, password_hash, role, country, disabled, created_at)"
                        + " VALUES (?, ?, ?, ?, FALSE, ?)",
                    new String[] {"id"})) {
              statement.setString(1, name);
              statement.setString(2, passwordHash);
              statement.setString(3, role);
              if (country.isPresent()) {
                statement.setString(4, country.get());
              } else {
                statement.setNull(4, Types.VARCHAR);
              }
              Jdbc.setInstant(statement, 5, now);
              statement.executeUpdate();
              return new UserAccount(
                  Jdbc.generatedId(statement), name, role, country, false, passwordHash, now);
            }
          });
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PuenteException(ErrorCode.CONFLICT, "a user named " + name + " exists already");
      }
      throw catalog.failure(e);
    }
  }

  /** The account with this name, disabled or not. */
  public Optional<UserAccount> find(String name) {
    requireNonNull(name, "name is null");
    return catalog.inTransaction(connection -> findUser(connection, "name = ?", name));
  }

  /** The account with this id, disabled or not. */
  public Optional<UserAccount> byId(long id) {
    return catalog.inTransaction(connection -> findUser(connection, "id = ?", id));
  }

  /** Every account, disabled ones too, by name. */
  public List<UserAccount> list() {
    List<UserAccount> users =
        catalog.inTransaction(
            connection -> {
              List<UserAccount> rows = new ArrayList<>();
              try (PreparedStatement statement =
                      connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users");
                  ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                  rows.add(readUser(row));
                }
              }
              return rows;
            });
    // Sorted here, not by ORDER BY: H2 and PostgreSQL collate text differently.
    users.sort(Comparator.comparing(UserAccount::name));
    return users;
  }

  /**
   * Disables the account, deletes its sessions and revokes its tokens, in one transaction.
   * Disabling a disabled account changes nothing.
   *
   * @throws PuenteException NOT_FOUND when no account has the name
   */
  public void disable(String name) {
    requireNonNull(name, "name is null");
    catalog.inTransaction(
        connection -> {
          long id = requireUser(connection, name);
          try (PreparedStatement statement =
              connection.prepareStatement("UPDATE users SET disabled = TRUE WHERE id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
          }
          deleteSessionsOf(connection, id);
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE api_tokens SET revoked = TRUE WHERE user_id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Replaces the account's password hash and deletes its sessions (signing it out everywhere). Its
   * API tokens stay valid.
   *
   * @throws PuenteException NOT_FOUND when no account has the name
   */
  public void setPassword(String name, String passwordHash) {
    requireNonNull(name, "name is null");
    checkPasswordHash(passwordHash);
    catalog.inTransaction(
        connection -> {
          long id = requireUser(connection, name);
          try (PreparedStatement statement =
              connection.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            statement.setString(1, passwordHash);
            statement.setLong(2, id);
            statement.executeUpdate();
          }
          deleteSessionsOf(connection, id);
          return null;
        });
  }

  /**
   * Records a session begun now.
   *
   * @param sessionHash SHA-256 (64 lowercase hex digits) of the session id
   * @param csrfToken the session's CSRF token, 1 to 64 characters
   * @throws PuenteException NOT_FOUND when no account has the id, CONFLICT when it is disabled or
   *     the session exists already
   */
  public void createSession(String sessionHash, long userId, String csrfToken, Instant expiresAt) {
    checkHash(sessionHash, "sessionHash");
    requireNonNull(csrfToken, "csrfToken is null");
    if (csrfToken.isEmpty() || csrfToken.length() > 64) {
      throw new IllegalArgumentException("a CSRF token is 1 to 64 characters");
    }
    requireNonNull(expiresAt, "expiresAt is null");
    Instant now = now();
    try {
      catalog.inTransactionOrSqlException(
          connection -> {
            requireEnabled(connection, userId);
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
              statement.setString(1, sessionHash);
              statement.setLong(2, userId);
              statement.setString(3, csrfToken);
              Jdbc.setInstant(statement, 4, now);
              Jdbc.setInstant(statement, 5, expiresAt.truncatedTo(ChronoUnit.MICROS));
              statement.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PuenteException(ErrorCode.CONFLICT, "the session exists already");
      }
      throw catalog.failure(e);
    }
  }

  /** The session with this hash, expired or not: the caller compares its expiry with its clock. */
  public Optional<SessionRecord> session(String sessionHash) {
    requireNonNull(sessionHash, "sessionHash is null");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE session_hash = ?")) {
            statement.setString(1, sessionHash);
            try (ResultSet row = statement.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new SessionRecord(
                      row.getString("session_hash"),
                      row.getLong("user_id"),
                      row.getString("csrf_token"),
                      Jdbc.instant(row, "created_at"),
                      Jdbc.instant(row, "expires_at")));
            }
          }
        });
  }

  /** Deletes the session (signing out); an unknown hash changes nothing. */
  public void deleteSession(String sessionHash) {
    requireNonNull(sessionHash, "sessionHash is null");
    catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM sessions WHERE session_hash = ?")) {
            statement.setString(1, sessionHash);
            return statement.executeUpdate();
          }
        });
  }

  /** Deletes every session that has ended at {@code now}, and says how many. */
  public int deleteExpiredSessions(Instant now) {
    requireNonNull(now, "now is null");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            Jdbc.setInstant(statement, 1, now);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Records an API token issued now and returns its id.
   *
   * @param label what the token is for, 1 to 200 characters
   * @param tokenHash SHA-256 (64 lowercase hex digits) of the token
   * @param expiresAt when it stops working; empty: never
   * @throws PuenteException NOT_FOUND when no account has the id, CONFLICT when it is disabled or a
   *     token has the hash already
   */
  public long addToken(long userId, String label, String tokenHash, Optional<Instant> expiresAt) {
    requireNonNull(label, "label is null");
    if (label.isBlank() || label.length() > 200) {
      throw new PuenteException(ErrorCode.USAGE, "a token label is 1 to 200 characters");
    }
    checkHash(tokenHash, "tokenHash");
    requireNonNull(expiresAt, "expiresAt is null");
    Instant now = now();
    try {
      return catalog.inTransactionOrSqlException(
          connection -> {
            requireEnabled(connection, userId);
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "INSERT INTO api_tokens"
                        + " (token_hash, user_id, label, created_at, expires_at, revoked)"
                        + " VALUES (?, ?, ?, ?, ?, FALSE)",
                    new String[] {"id"})) {
              statement.setString(1, tokenHash);
              statement.setLong(2, userId);
              statement.setString(3, label);
              Jdbc.setInstant(statement, 4, now);
              if (expiresAt.isPresent()) {
                Jdbc.setInstant(statement, 5, expiresAt.get().truncatedTo(ChronoUnit.MICROS));
              } else {
                statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
              }
              statement.executeUpdate();
              return Jdbc.generatedId(statement);
            }
          });
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PuenteException(ErrorCode.CONFLICT, "a token with this hash exists already");
      }
      throw catalog.failure(e);
    }
  }

  /**
   * The token with this hash, revoked or expired too: the caller checks {@link
   * TokenRecord#usableAt} and that its account is enabled.
   */
  public Optional<TokenRecord> token(String tokenHash) {
    requireNonNull(tokenHash, "tokenHash is null");
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE token_hash = ?")) {
            statement.setString(1, tokenHash);
            try (ResultSet row = statement.executeQuery()) {
              return row.next() ? Optional.of(readToken(row)) : Optional.empty();
            }
          }
        });
  }

  /** The account's tokens, revoked ones too, oldest first. */
  public List<TokenRecord> tokensOf(long userId) {
    return catalog.inTransaction(
        connection -> {
          List<TokenRecord> tokens = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE user_id = ? ORDER BY id")) {
            statement.setLong(1, userId);
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                tokens.add(readToken(row));
              }
            }
          }
          return tokens;
        });
  }

  /**
   * Revokes the token; revoking a revoked token changes nothing.
   *
   * @throws PuenteException NOT_FOUND when no token has the id
   */
  public void revokeToken(long id) {
    catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("UPDATE api_tokens SET revoked = TRUE WHERE id = ?")) {
            statement.setLong(1, id);
            if (statement.executeUpdate() == 0) {
              throw new PuenteException(ErrorCode.NOT_FOUND, "no API token " + id);
            }
          }
          return null;
        });
  }

  private static Optional<UserAccount> findUser(Connection connection, String where, Object key)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE " + where)) {
      statement.setObject(1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(readUser(row)) : Optional.empty();
      }
    }
  }

  private static long requireUser(Connection connection, String name) throws SQLException {
    return findUser(connection, "name = ?", name)
        .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no user named " + name))
        .id();
  }

  private static void requireEnabled(Connection connection, long userId) throws SQLException {
    UserAccount user =
        findUser(connection, "id = ?", userId)
            .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no user " + userId));
    if (user.disabled()) {
      throw new PuenteException(ErrorCode.CONFLICT, "user " + user.name() + " is disabled");
    }
  }

  private static void deleteSessionsOf(Connection connection, long userId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
      statement.setLong(1, userId);
      statement.executeUpdate();
    }
  }

  private static UserAccount readUser(ResultSet row) throws SQLException {
    return new UserAccount(
        row.getLong("id"),
        row.getString("name"),
        row.getString("role"),
        Optional.ofNullable(row.getString("country")),
        row.getBoolean("disabled"),
        row.getString("password_hash"),
        Jdbc.instant(row, "created_at"));
  }

  private static TokenRecord readToken(ResultSet row) throws SQLException {
    return new TokenRecord(
        row.getLong("id"),
        row.getLong("user_id"),
        row.getString("label"),
        Jdbc.instant(row, "created_at"),
        Jdbc.optionalInstant(row, "expires_at"),
        row.getBoolean("revoked"));
  }

  private Instant now() {
    // Both databases keep microseconds.
    return catalog.clock().instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void checkName(String name) {
    requireNonNull(name, "name is null");
    if (!NAME.matcher(name).matches()) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "a user name is 1 to 64 characters of letters A-Z and a-z, digits and . _ @ -");
    }
  }

  private static void checkPasswordHash(String passwordHash) {
    requireNonNull(passwordHash, "passwordHash is null");
    // A PHC string starts with '$'; a password passed by mistake must not be stored.
    if (!passwordHash.startsWith("$") || passwordHash.length() > 200) {
      throw new IllegalArgumentException(
          "a password hash is a PHC string of at most 200 characters");
    }
  }

  private static void checkHash(String hash, String what) {
    requireNonNull(hash, what + " is null");
    if (!SHA256_HEX.matcher(hash).matches()) {
      throw new IllegalArgumentException(what + " must be a SHA-256 in lowercase hex");
    }
  }
}
