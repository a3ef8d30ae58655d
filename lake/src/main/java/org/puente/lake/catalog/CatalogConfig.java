package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the catalog lives. Embedded (an H2 file database in PostgreSQL mode under the node home) by
 * default, PostgreSQL for multi-user deployments; the same migrations serve both.
 *
 * @param jdbcUrl the JDBC URL
 * @param user the user, or null to take it from the URL
 * @param password the password, or null
 * @param schema the schema to keep the tables in, or empty for the connection's default
 */
public record CatalogConfig(String jdbcUrl, String user, String password, Optional<String> schema) {

  public CatalogConfig {
    requireNonNull(jdbcUrl, "jdbcUrl is null");
    requireNonNull(schema, "schema is null");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("catalog URL must be jdbc:postgresql:... or jdbc:h2:...");
    }
    schema.ifPresent(CatalogConfig::checkSchemaName);
  }

  /** The embedded catalog: one H2 file database in {@code directory}. */
  public static CatalogConfig embedded(Path directory) {
    String file = directory.toAbsolutePath().resolve("catalog").toString();
    // PostgreSQL mode and lower-case names so that one set of migrations and queries serves both.
    // WRITE_DELAY=0: a committed transaction is written to the file at commit, not up to 500 ms
    // later (H2's default), so a killed process cannot lose a commit it already reported.
    String url = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
    return new CatalogConfig(url, "sa", "", Optional.empty());
  }

  /** A PostgreSQL catalog. */
  public static CatalogConfig postgres(String jdbcUrl, String user, String password) {
    return new CatalogConfig(jdbcUrl, user, password, Optional.empty());
  }

  /**
   * A catalog named by URL alone, as {@code --catalog} gives it: PostgreSQL takes user and password
   * from the URL's parameters ({@code ?user=...&password=...}) or its own defaults.
   */
  public static CatalogConfig fromUrl(String jdbcUrl) {
    return new CatalogConfig(jdbcUrl, null, null, Optional.empty());
  }

  public CatalogConfig withSchema(String schemaName) {
    return new CatalogConfig(jdbcUrl, user, password, Optional.of(schemaName));
  }

  public boolean isEmbedded() {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  /** The URL without its parameters, safe for messages. */
  public String displayUrl() {
    int cut = jdbcUrl.indexOf(isEmbedded() ? ';' : '?');
    return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut);
  }

  @Override
  public String toString() {
    return "CatalogConfig[" + displayUrl() + schema.map(s -> ", schema " + s).orElse("") + "]";
  }

  private static void checkSchemaName(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("schema name must be a lower-case identifier: " + name);
    }
  }
}
