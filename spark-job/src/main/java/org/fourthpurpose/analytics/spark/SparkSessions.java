package org.fourthpurpose.analytics.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * Makes the {@link SparkSession} the job runs in: {@code local[2]} unless a master URL is given, no
 * web UI, and a number of shuffle partitions that suits the master.
 *
 * <p>Driver memory cannot be set from here once the JVM is running: give it to the JVM that runs
 * the driver ({@code java -Xmx4g -jar …} in local mode, {@code spark-submit --driver-memory 4g} on
 * a cluster; executors take {@code --executor-memory}). In local mode the executors are threads of
 * the driver, so {@code -Xmx} is all the memory the job has.
 */
public final class SparkSessions {

  /** The master used when none is given: two threads on this machine. */
  public static final String DEFAULT_MASTER = "local[2]";

  /**
   * Shuffle partitions in local mode: the aggregates are small (a few thousand groups), so Spark's
   * default of 200 would only add task overhead.
   */
  static final int LOCAL_SHUFFLE_PARTITIONS = 4;

  private SparkSessions() {}

  /**
   * A session for {@code master} ({@code local[2]}, {@code local[*]}, {@code spark://host:7077},
   * {@code yarn}…). Under {@code spark-submit} the master and settings given there win, since
   * {@link SparkSession.Builder#getOrCreate()} returns the session it already made.
   *
   * @param master the master URL, or {@code null} for {@link #DEFAULT_MASTER} (or spark-submit's)
   * @param settings extra Spark settings, applied last
   */
  public static SparkSession create(String master, Map<String, String> settings) {
    Objects.requireNonNull(settings, "settings");
    preferNettyReflection();
    String chosen = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
    SparkSession.Builder builder =
        SparkSession.builder().appName("Fourth Purpose equity analysis").master(chosen);
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("spark.ui.enabled", "false");
    defaults.put("spark.ui.showConsoleProgress", "false");
    // The answers must not depend on a default of the SQL dialect changing under the job.
    defaults.put("spark.sql.ansi.enabled", "true");
    defaults.put("spark.sql.session.timeZone", "UTC");
    if (chosen.startsWith("local")) {
      defaults.put("spark.sql.shuffle.partitions", String.valueOf(LOCAL_SHUFFLE_PARTITIONS));
      defaults.put("spark.driver.host", "127.0.0.1");
      defaults.put("spark.driver.bindAddress", "127.0.0.1");
      // The executor is a thread of the driver: on a busy machine a missed heartbeat is not a lost
      // executor, and Spark's 120 s default once killed a 10-million-row run on an overloaded
      // laptop.
      defaults.put("spark.network.timeout", "900s");
      defaults.put("spark.executor.heartbeatInterval", "60s");
    }
    // spark-submit passes its --conf settings as system properties: those win over our defaults.
    defaults.forEach(
        (key, value) -> {
          if (System.getProperty(key) == null) {
            builder.config(key, value);
          }
        });
    settings.forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * Spark's launcher passes {@code -Dio.netty.tryReflectionSetAccessible=true}; {@code java -jar}
   * does not, so set it before Netty is first loaded (an explicit {@code -D} wins).
   */
  private static void preferNettyReflection() {
    if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
      System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    }
  }
}
