package org.fourthpurpose.analytics.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one {@link SparkSession} the module's tests share ({@code local[2]}): starting Spark takes
 * seconds, so every test class in the JVM uses this one and it stops when the JVM does.
 */
final class SharedSpark {

  /** Small data: no code generation to compile, few shuffle partitions. */
  static final Map<String, String> TEST_SETTINGS =
      Map.of(
          "spark.sql.shuffle.partitions", "2",
          "spark.default.parallelism", "2",
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.adaptive.enabled", "false");

  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.create("local[2]", TEST_SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-test-spark"));
    }
    return session;
  }
}
