package org.puente.lake.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The catalog's {@code audit_log} table: appended to, read, never changed. */
public final class AuditLog {

  private final Catalog catalog;

  AuditLog(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Appends an entry stamped with the catalog's clock, in its own transaction, and returns it with
   * its id, as stored (texts longer than their columns are cut to fit). Callers append before they
   * show protected data, so that a failure to audit stops the access.
   */
  public AuditEntry append(
      String actor, String origin, String action, String target, String outcome) {
    AuditEntry entry =
        new AuditEntry(
            0,
            // Both databases keep microseconds.
            catalog.clock().instant().truncatedTo(ChronoUnit.MICROS),
            clip(actor, 200),
            clip(origin, 200),
            clip(action, 64),
            clip(target, 1000),
            clip(outcome, 200));
    return catalog.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO audit_log (at, actor, origin, action, target, outcome)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"})) {
            Jdbc.setInstant(statement, 1, entry.at());
            statement.setString(2, entry.actor());
            statement.setString(3, entry.origin());
            statement.setString(4, entry.action());
            statement.setString(5, entry.target());
            statement.setString(6, entry.outcome());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
              keys.next();
              return new AuditEntry(
                  keys.getLong(1),
                  entry.at(),
                  entry.actor(),
                  entry.origin(),
                  entry.action(),
                  entry.target(),
                  entry.outcome());
            }
          }
        });
  }

  /** The last {@code limit} entries, oldest first. */
  public List<AuditEntry> recent(int limit) {
    return catalog.inTransaction(
        connection -> {
          List<AuditEntry> entries = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT id, at, actor, origin, action, target, outcome FROM audit_log"
                      + " ORDER BY id DESC LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                entries.add(
                    0,
                    new AuditEntry(
                        row.getLong("id"),
                        Jdbc.instant(row, "at"),
                        row.getString("actor"),
                        row.getString("origin"),
                        row.getString("action"),
                        row.getString("target"),
                        row.getString("outcome")));
              }
            }
          }
          return entries;
        });
  }

  private static String clip(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
