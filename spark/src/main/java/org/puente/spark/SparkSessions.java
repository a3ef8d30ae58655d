package org.puente.spark;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The process's one Spark session (Spark allows one context per JVM), made on first use for one
 * master and stopped when the JVM shuts down. Every session computes times in UTC with {@code
 * java.time} values, which the engine's results depend on. A local session ({@code local[N]}) also
 * has the web UI off, few shuffle partitions (a local run's data is small per core) and the driver
 * bound to 127.0.0.1; its memory is the JVM's ({@code -Xmx}: in local mode the driver is this JVM).
 * A session for a launcher ({@code spark-submit}) takes the launcher's master and settings.
 */
public final class SparkSessions {

  /** {@code local}, {@code local[4]}, {@code local[*]}, {@code local[4,2]} (with retries). */
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?");

  /** How the session of a launcher is told apart from one for a master URL. */
  private static final String LAUNCHER = "";

  private static SparkSession session;
  private static String sessionMaster;

  private SparkSessions() {}

  /**
   * The local session with {@code threads} worker threads, created on first use.
   *
   * @throws IllegalStateException when the process's session was created for another master
   */
  public static synchronized SparkSession local(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    return open("local[" + threads + "]");
  }

  /**
   * The session for {@code master} (a master URL such as {@code local[4]}, {@code local[*]} or
   * {@code spark://host:7077}), or, when empty, the session a launcher configured: {@code
   * spark-submit}'s {@code --master} and {@code --conf} settings are taken as they are.
   *
   * @throws IllegalStateException when the process's session was created for another master
   */
  public static synchronized SparkSession forMaster(Optional<String> master) {
    String url = master.map(String::strip).orElse(LAUNCHER);
    if (master.isPresent() && url.isEmpty()) {
      throw new IllegalArgumentException("the master URL is empty");
    }
    return open(url);
  }

  private static SparkSession open(String master) {
    if (session != null && session.sparkContext().isStopped()) {
      // Stopped by its user (or the shutdown hook): the next caller gets a new one.
      session = null;
    }
    if (session != null) {
      if (!master.equals(sessionMaster)) {
        throw new IllegalStateException(
            "the process's Spark session runs on "
                + describe(sessionMaster)
                + "; one on "
                + describe(master)
                + " cannot be made beside it");
      }
      return session;
    }
    SparkSession.Builder builder =
        SparkSession.builder()
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true");
    if (!master.equals(LAUNCHER)) {
      builder.appName("puente").master(master).config("spark.ui.showConsoleProgress", "false");
      Matcher local = LOCAL.matcher(master);
      if (local.matches()) {
        int threads = localThreads(local);
        builder
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", Integer.toString(2 * threads))
            .config("spark.default.parallelism", Integer.toString(2 * threads))
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    SparkSession created = builder.getOrCreate();
    SparkContext context = created.sparkContext();
    if (master.equals(LAUNCHER)
        && context.isLocal()
        && !context.getConf().contains("spark.sql.shuffle.partitions")) {
      // spark-submit --master local[N]: Spark's 200 shuffle partitions would be mostly empty.
      created
          .conf()
          .set("spark.sql.shuffle.partitions", Integer.toString(2 * context.defaultParallelism()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(created::stop, "spark-session-stop"));
    session = created;
    sessionMaster = master;
    return created;
  }

  private static int localThreads(Matcher local) {
    String threads = local.group(1);
    if (threads == null) {
      return 1;
    }
    return threads.equals("*")
        ? Runtime.getRuntime().availableProcessors()
        : Integer.parseInt(threads);
  }

  private static String describe(String master) {
    return master.equals(LAUNCHER) ? "the launcher's master" : master;
  }
}
