package org.puente.spark;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.puente.derive.DerivationEngine;
import org.puente.derive.DerivationEngineProvider;
import org.puente.lake.Lake;

/**
 * The Spark engine for {@code puente run --engine spark}, found by the command line through {@code
 * META-INF/services} when this module is on the class path (docs/SPARK.md). Without {@code
 * --master} the run takes the master a launcher set ({@code spark-submit}'s, as the {@code
 * spark.master} system property), else {@code local[*]}.
 */
public final class SparkEngineProvider implements DerivationEngineProvider {

  /** The engine's name on the command line. */
  public static final String NAME = "spark";

  /** The master of a run without {@code --master} and without a launcher. */
  static final String DEFAULT_MASTER = "local[*]";

  /** Made by {@link java.util.ServiceLoader}. */
  public SparkEngineProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DerivationEngine open(Lake lake, Optional<String> master) {
    requireNonNull(lake, "lake is null");
    requireNonNull(master, "master is null");
    Optional<String> chosen =
        master.isPresent() || System.getProperty("spark.master") != null
            ? master
            : Optional.of(DEFAULT_MASTER);
    SparkSession spark = SparkSessions.forMaster(chosen);
    return new SparkDerivation(lake, spark);
  }
}
