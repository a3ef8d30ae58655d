package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.DuckDb;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.node.NodeHome;
import org.puente.schema.RegionalSchema;

/**
 * The built cubes of one committed derivation run: a DuckDB database {@code
 * <home>/cubes/run-<id>.duckdb} holding the fact tables ({@link FactTables}). Building reads the
 * run's lake files once; every table afterwards is an aggregation over these facts. The database is
 * derived data: deleting it only means the next table builds it again. It is written under a
 * temporary name and moved into place, so a half-built database is never read.
 */
public final class CubeStore {

  /**
   * How a store came to be: found already built, or built now (and how long it took, in all and
   * table by table, the last step being DuckDB's checkpoint; empty when found).
   */
  public record Opened(
      CubeStore store, boolean built, Duration buildTime, Map<String, Duration> steps) {

    public Opened {
      steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }
  }

  private final Path database;
  private final DerivationRun run;

  private CubeStore(Path database, DerivationRun run) {
    this.database = database;
    this.run = run;
  }

  /** The run the cubes count. */
  public DerivationRun run() {
    return run;
  }

  public Path database() {
    return database;
  }

  /**
   * The cubes of {@code run}, built now if they are not yet.
   *
   * @param recordKeySecret secret bytes mixed into record keys (cell-key method); the same secret
   *     gives the same keys, so the same cell gets the same noise in every table
   */
  public static Opened open(
      NodeHome home,
      LakeReader reader,
      RegionalSchema schema,
      DerivationRun run,
      byte[] recordKeySecret) {
    requireNonNull(run, "run is null");
    if (run.status() != DerivationRun.Status.COMMITTED) {
      throw new IllegalArgumentException("run " + run.id() + " is not committed");
    }
    Path database = databaseOf(home, run);
    if (Files.exists(database)) {
      return new Opened(new CubeStore(database, run), false, Duration.ZERO, Map.of());
    }
    long started = System.nanoTime();
    Map<String, Duration> steps = new LinkedHashMap<>();
    try {
      Files.createDirectories(home.cubes());
      Path building = database.resolveSibling(database.getFileName() + ".building");
      Files.deleteIfExists(building);
      Files.deleteIfExists(building.resolveSibling(building.getFileName() + ".wal"));
      try (Connection duckdb = connect(building, false)) {
        steps.putAll(
            FactTables.create(
                duckdb,
                reader,
                schema,
                run.id(),
                run.asOf(),
                HexFormat.of().formatHex(recordKeySecret)));
        long checkpoint = System.nanoTime();
        try (Statement statement = duckdb.createStatement()) {
          statement.execute("CHECKPOINT");
        }
        steps.put("checkpoint", Duration.ofNanos(System.nanoTime() - checkpoint));
      }
      Files.move(building, database, StandardCopyOption.ATOMIC_MOVE);
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot build the cubes of run " + run.id() + ": " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Opened(
        new CubeStore(database, run), true, Duration.ofNanos(System.nanoTime() - started), steps);
  }

  /**
   * The secret of the record keys (cell-key method) of a node: a keyed hash under the node's
   * encryption key, so the same records give the same noise and nobody without the node's keys can
   * recompute it.
   */
  public static byte[] cellKeySecret(org.puente.node.keys.KeyStore keys) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(keys.encryption().material(), "HmacSHA256"));
      return mac.doFinal("puente cell keys".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Where the cubes of {@code run} are built. The name carries the layout's version, so cubes built
   * by an earlier layout of the fact tables are never read; they are rebuilt beside.
   */
  public static Path databaseOf(NodeHome home, DerivationRun run) {
    return home.cubes().resolve("run-" + run.id() + "-v" + FactTables.LAYOUT_VERSION + ".duckdb");
  }

  /** A read-only connection to the built cubes. */
  Connection connect() throws SQLException {
    return connect(database, true);
  }

  private static Connection connect(Path database, boolean readOnly) throws SQLException {
    Properties properties = new Properties();
    if (readOnly) {
      properties.setProperty("duckdb.read_only", "true");
    }
    Connection connection =
        DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), properties);
    try {
      DuckDb.limitMemory(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
