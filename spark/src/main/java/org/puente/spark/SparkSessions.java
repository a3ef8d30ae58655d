package org.puente.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The process's one local Spark session (Spark allows one context per JVM): the web UI off, few
 * shuffle partitions (a local run's data is small per core), times in UTC with {@code java.time}
 * values, and the driver's memory whatever the JVM was given ({@code -Xmx}: in local mode the
 * driver is this JVM). Stopped when the JVM shuts down.
 */
public final class SparkSessions {

  private static SparkSession session;
  private static int sessionThreads;

  private SparkSessions() {}

  /**
   * The local session with {@code threads} worker threads, created on first use.
   *
   * @throws IllegalStateException when the process's session was created with other threads
   */
  public static synchronized SparkSession local(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    if (session != null && session.sparkContext().isStopped()) {
      // Stopped by its user (or the shutdown hook): the next caller gets a new one.
      session = null;
    }
    if (session != null) {
      if (threads != sessionThreads) {
        throw new IllegalStateException(
            "the process's Spark session has "
                + sessionThreads
                + " threads; one with "
                + threads
                + " cannot be made beside it");
      }
      return session;
    }
    SparkSession created =
        SparkSession.builder()
            .appName("puente")
            .master("local[" + threads + "]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", Integer.toString(2 * threads))
            .config("spark.default.parallelism", Integer.toString(2 * threads))
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    Runtime.getRuntime().addShutdownHook(new Thread(created::stop, "spark-session-stop"));
    session = created;
    sessionThreads = threads;
    return created;
  }
}
