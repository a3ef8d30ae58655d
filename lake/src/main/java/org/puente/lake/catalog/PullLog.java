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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The catalog's {@code peer_pulls}, {@code peer_packages} and {@code peer_observations} tables
 * (migration V6): what a hub pulled from its peers. A committed pull is written in one transaction,
 * packages and observations together, so a reader sees all of a pull or none of it; a failed pull
 * keeps only its record (when, how many attempts, why).
 */
public final class PullLog {

  private static final String PULL_COLUMNS =
      "id, peer, started_at, finished_at, status, attempts, message, peer_run";
  private static final int MESSAGE_LENGTH = 2000;

  private final Catalog catalog;

  PullLog(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Records a committed pull with all its packages, finished now, in one transaction.
   *
   * @throws PuenteException NOT_FOUND when the peer is not in the directory
   */
  public PullRecord committed(
      String peer, Instant startedAt, int attempts, String peerRun, List<PulledPackage> packages) {
    requireNonNull(peerRun, "peerRun is null");
    List<PulledPackage> all = List.copyOf(packages);
    Instant now = now();
    return catalog.inTransaction(
        connection -> {
          requirePeer(connection, peer);
          long id = insertPull(connection, peer, startedAt, now, true, attempts, null, peerRun);
          for (PulledPackage pulled : all) {
            insertPackage(connection, id, pulled);
          }
          return new PullRecord(
              id,
              peer,
              truncate(startedAt),
              now,
              true,
              attempts,
              Optional.empty(),
              Optional.of(peerRun));
        });
  }

  /**
   * Records a failed pull, finished now; nothing of it is kept but this record.
   *
   * @param message why, as the hub's operator should read it (never a secret)
   */
  public PullRecord failed(String peer, Instant startedAt, int attempts, String message) {
    requireNonNull(message, "message is null");
    String kept =
        message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) : message;
    Instant now = now();
    return catalog.inTransaction(
        connection -> {
          requirePeer(connection, peer);
          long id = insertPull(connection, peer, startedAt, now, false, attempts, kept, null);
          return new PullRecord(
              id,
              peer,
              truncate(startedAt),
              now,
              false,
              attempts,
              Optional.of(kept),
              Optional.empty());
        });
  }

  /** The peer's pulls, newest first. */
  public List<PullRecord> history(String peer) {
    requireNonNull(peer, "peer is null");
    return catalog.inTransaction(
        connection -> {
          List<PullRecord> pulls = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT " + PULL_COLUMNS + " FROM peer_pulls WHERE peer = ? ORDER BY id DESC")) {
            statement.setString(1, peer);
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                pulls.add(readPull(row));
              }
            }
          }
          return pulls;
        });
  }

  /** The peer's latest pull, committed or failed. */
  public Optional<PullRecord> latest(String peer) {
    return history(peer).stream().findFirst();
  }

  /** The peer's latest committed pull: the one whose data are current. */
  public Optional<PullRecord> latestCommitted(String peer) {
    return history(peer).stream().filter(PullRecord::committed).findFirst();
  }

  /**
   * The observations of every peer's latest committed pull (peers in the directory only), in the
   * order they were received.
   */
  public List<PulledObservation> current() {
    return catalog.inTransaction(
        connection -> {
          List<PulledObservation> observations = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT p.peer, p.id AS pull_id, k.dataflow, k.dimensions, o.codes,"
                          + " o.obs_value, o.conf_status"
                          + " FROM peer_pulls p"
                          + " JOIN peers ON peers.name = p.peer"
                          + " JOIN peer_packages k ON k.pull_id = p.id"
                          + " JOIN peer_observations o ON o.package_id = k.id"
                          + " WHERE p.id = (SELECT MAX(q.id) FROM peer_pulls q"
                          + " WHERE q.peer = p.peer AND q.status = 'COMMITTED')"
                          + " ORDER BY p.peer, k.id");
              ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              List<String> dimensions = Arrays.asList(row.getString("dimensions").split(","));
              String[] codes = splitCodes(row.getString("codes"));
              Map<String, String> byDimension = new LinkedHashMap<>();
              for (int i = 0; i < dimensions.size(); i++) {
                byDimension.put(dimensions.get(i), codes[i]);
              }
              long number = row.getLong("obs_value");
              OptionalLong value = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(number);
              observations.add(
                  new PulledObservation(
                      row.getString("peer"),
                      row.getLong("pull_id"),
                      row.getString("dataflow"),
                      byDimension,
                      value,
                      row.getString("conf_status")));
            }
          }
          return observations;
        });
  }

  private static long insertPull(
      Connection connection,
      String peer,
      Instant startedAt,
      Instant finishedAt,
      boolean committed,
      int attempts,
      String message,
      String peerRun)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO peer_pulls (peer, started_at, finished_at, status, attempts, message,"
                + " peer_run) VALUES (?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      statement.setString(1, peer);
      Jdbc.setInstant(statement, 2, startedAt);
      Jdbc.setInstant(statement, 3, finishedAt);
      statement.setString(4, committed ? "COMMITTED" : "FAILED");
      statement.setInt(5, attempts);
      setText(statement, 6, message);
      setText(statement, 7, peerRun);
      statement.executeUpdate();
      return Jdbc.generatedId(statement);
    }
  }

  private static void insertPackage(Connection connection, long pullId, PulledPackage pulled)
      throws SQLException {
    long packageId;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO peer_packages (pull_id, dataflow, request, sha256, signed_by, dimensions)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      statement.setLong(1, pullId);
      statement.setString(2, pulled.dataflow());
      statement.setString(3, pulled.request());
      statement.setString(4, pulled.sha256());
      statement.setString(5, pulled.signedBy());
      statement.setString(6, String.join(",", pulled.dimensions()));
      statement.executeUpdate();
      packageId = Jdbc.generatedId(statement);
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO peer_observations (package_id, codes, obs_value, conf_status)"
                + " VALUES (?, ?, ?, ?)")) {
      int batched = 0;
      for (PulledPackage.Observation observation : pulled.observations()) {
        statement.setLong(1, packageId);
        statement.setString(2, joinCodes(observation.codes()));
        if (observation.value().isPresent()) {
          statement.setLong(3, observation.value().getAsLong());
        } else {
          statement.setNull(3, Types.BIGINT);
        }
        statement.setString(4, observation.confStatus());
        statement.addBatch();
        if (++batched % 1000 == 0) {
          statement.executeBatch();
        }
      }
      statement.executeBatch();
    }
  }

  /**
   * The codes as one SDMX-like key joined by '.'. Open lists (ports) hold names, which may hold a
   * '.' ("Philip S. W. Goldson"): '%' and '.' inside a code are written %25 and %2E.
   */
  static String joinCodes(List<String> codes) {
    List<String> escaped = new ArrayList<>(codes.size());
    for (String code : codes) {
      escaped.add(code.replace("%", "%25").replace(".", "%2E"));
    }
    return String.join(".", escaped);
  }

  static String[] splitCodes(String joined) {
    String[] codes = joined.split("\\.", -1);
    for (int i = 0; i < codes.length; i++) {
      codes[i] = codes[i].replace("%2E", ".").replace("%25", "%");
    }
    return codes;
  }

  private static PullRecord readPull(ResultSet row) throws SQLException {
    return new PullRecord(
        row.getLong("id"),
        row.getString("peer"),
        Jdbc.instant(row, "started_at"),
        Jdbc.instant(row, "finished_at"),
        "COMMITTED".equals(row.getString("status")),
        row.getInt("attempts"),
        Optional.ofNullable(row.getString("message")),
        Optional.ofNullable(row.getString("peer_run")));
  }

  private static void requirePeer(Connection connection, String peer) throws SQLException {
    requireNonNull(peer, "peer is null");
    if (!PeerDirectory.exists(connection, peer)) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no peer named " + peer);
    }
  }

  private static void setText(PreparedStatement statement, int index, String text)
      throws SQLException {
    if (text == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, text);
    }
  }

  private Instant now() {
    return truncate(catalog.clock().instant());
  }

  private static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
