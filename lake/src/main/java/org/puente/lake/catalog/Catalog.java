package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The node's control plane: opens connections, applies the migrations on open, and runs each
 * operation in one transaction. Plain JDBC. The embedded catalog opens a connection per transaction
 * (cheap in-process); a PostgreSQL catalog takes them from a small pool (HikariCP), since the
 * server reads it on every request and a new PostgreSQL connection costs milliseconds and a server
 * process (docs/BENCHMARKS.md, the load test on PostgreSQL).
 */
public final class Catalog implements AutoCloseable {

  static final String MIGRATIONS = "classpath:org/puente/lake/catalog/migration";

  /**
   * The newest migration under {@link #MIGRATIONS} (V1 to V7): a catalog whose history holds each
   * of them, applied, needs no Flyway on open.
   */
  static final int NEWEST_MIGRATION = 7;

  // Flyway reports every check at INFO through java.util.logging; a command's output is no place
  // for it. Held in a field: the logging framework keeps only weak references to loggers.
  private static final Logger FLYWAY_LOG = quiet(Logger.getLogger("org.flywaydb"));

  private final CatalogConfig config;
  private final Clock clock;
  // H2 closes a file database when its last connection closes; holding one open for the catalog's
  // lifetime keeps each transaction from reopening the file.
  private final Connection keepOpen;
  // PostgreSQL only; null for the embedded catalog.
  private final HikariDataSource pool;

  /** At most this many connections to a PostgreSQL catalog (the server's concurrent requests). */
  static final int POOL_SIZE = 8;

  private Catalog(CatalogConfig config, Clock clock, Connection keepOpen, HikariDataSource pool) {
    this.config = config;
    this.clock = clock;
    this.keepOpen = keepOpen;
    this.pool = pool;
  }

  /** Connects, applies any pending migrations, and returns the open catalog. */
  public static Catalog open(CatalogConfig config, Clock clock) {
    requireNonNull(config, "config is null");
    requireNonNull(clock, "clock is null");
    Connection keepOpen = null;
    try {
      if (config.isEmbedded()) {
        // Opened first, so that H2 opens the file once for the check, Flyway and the catalog.
        keepOpen = rawConnect(config);
        if (!upToDate(config, keepOpen)) {
          migrate(config);
        }
        return new Catalog(config, clock, keepOpen, null);
      }
      if (!upToDate(config)) {
        migrate(config);
      }
      return new Catalog(config, clock, null, pool(config));
    } catch (SQLException e) {
      closeQuietly(keepOpen);
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot open the catalog at " + config.displayUrl() + ": " + firstLine(e.getMessage()),
          e);
    } catch (FlywayException e) {
      closeQuietly(keepOpen);
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot migrate the catalog at " + config.displayUrl() + ": " + firstLine(e.getMessage()),
          e);
    }
  }

  public CatalogConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public SourceRegistry sources() {
    return new SourceRegistry(this);
  }

  public SubmissionLog submissions() {
    return new SubmissionLog(this);
  }

  public ManifestIndex manifests() {
    return new ManifestIndex(this);
  }

  public RunLog runs() {
    return new RunLog(this);
  }

  public AuditLog audit() {
    return new AuditLog(this);
  }

  public UserDirectory users() {
    return new UserDirectory(this);
  }

  public PopulationTables population() {
    return new PopulationTables(this);
  }

  public PeerDirectory peers() {
    return new PeerDirectory(this);
  }

  public PullLog pulls() {
    return new PullLog(this);
  }

  public AgreementRegistry agreements() {
    return new AgreementRegistry(this);
  }

  public AgreementResults agreementResults() {
    return new AgreementResults(this);
  }

  public SubmissionCoverage coverage() {
    return new SubmissionCoverage(this);
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  <T> T inTransaction(SqlWork<T> work) {
    try {
      return inTransactionOrSqlException(work);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Runs {@code work} in one transaction, letting SQL exceptions through for the caller to read.
   */
  <T> T inTransactionOrSqlException(SqlWork<T> work) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  PuenteException failure(SQLException e) {
    return new PuenteException(
        ErrorCode.UNAVAILABLE,
        "catalog at " + config.displayUrl() + " failed: " + firstLine(e.getMessage()),
        e);
  }

  private Connection connect() throws SQLException {
    return pool == null ? rawConnect(config) : pool.getConnection();
  }

  @Override
  public void close() {
    closeQuietly(keepOpen);
    if (pool != null) {
      pool.close();
    }
  }

  private static HikariDataSource pool(CatalogConfig config) throws SQLException {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("puente-catalog");
    hikari.setJdbcUrl(config.jdbcUrl());
    if (config.user() != null) {
      hikari.setUsername(config.user());
      hikari.setPassword(config.password());
    }
    config.schema().ifPresent(hikari::setSchema);
    hikari.setMaximumPoolSize(POOL_SIZE);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new SQLException("cannot open a connection pool: " + e.getMessage(), e);
    }
  }

  private static Connection rawConnectWithoutSchema(CatalogConfig config) throws SQLException {
    return config.user() == null
        ? DriverManager.getConnection(config.jdbcUrl())
        : DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
  }

  private static Connection rawConnect(CatalogConfig config) throws SQLException {
    Connection connection = rawConnectWithoutSchema(config);
    if (config.schema().isPresent()) {
      try {
        connection.setSchema(config.schema().get());
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
  }

  /**
   * Whether every migration up to {@link #NEWEST_MIGRATION} has been applied. Flyway's own check
   * finds the same, but its set-up and validation cost about a third of a second of each command
   * (measured on {@code puente submissions}: 1.69 s against 1.34 s); it still runs whenever this
   * finds anything missing, or no history at all (a new catalog, or one that cannot be reached, for
   * Flyway to report). Migrations newer than this code's are left alone, as Flyway leaves them.
   */
  private static boolean upToDate(CatalogConfig config) {
    try (Connection connection = rawConnectWithoutSchema(config)) {
      return upToDate(config, connection);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean upToDate(CatalogConfig config, Connection connection) {
    String history =
        config.schema().map(schema -> "\"" + schema + "\".").orElse("")
            + "\"flyway_schema_history\"";
    Set<String> applied = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT \"version\" FROM " + history + " WHERE \"success\"")) {
      while (rows.next()) {
        applied.add(rows.getString(1));
      }
    } catch (SQLException e) {
      return false;
    }
    for (int version = 1; version <= NEWEST_MIGRATION; version++) {
      if (!applied.contains(Integer.toString(version))) {
        return false;
      }
    }
    return true;
  }

  private static void migrate(CatalogConfig config) {
    var configuration =
        Flyway.configure(Catalog.class.getClassLoader())
            .dataSource(config.jdbcUrl(), config.user(), config.password())
            .locations(MIGRATIONS)
            .createSchemas(true);
    config.schema().ifPresent(schema -> configuration.schemas(schema));
    configuration.load().migrate();
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing after a failure or at shutdown: nothing left to roll back or report.
    }
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.WARNING);
    return logger;
  }

  /**
   * Marks row {@code id} of {@code table} FAILED with {@code reason} ({@link #failureReason}) and
   * the time, if it is still in {@code openStatus}: the failure path of submissions and runs.
   */
  void markFailed(Connection connection, String table, String openStatus, long id, String reason)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE "
                + table
                + " SET status = 'FAILED', failure = ?, finished_at = ?"
                + " WHERE id = ? AND status = '"
                + openStatus
                + "'")) {
      statement.setString(1, failureReason(reason));
      Jdbc.setInstant(statement, 2, clock().instant());
      statement.setLong(3, id);
      statement.executeUpdate();
    }
  }

  /** A failure reason as the catalog stores it: its first line, at most 1,000 characters. */
  static String failureReason(String reason) {
    String line = firstLine(reason);
    return line.length() > 1000 ? line.substring(0, 1000) : line;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
