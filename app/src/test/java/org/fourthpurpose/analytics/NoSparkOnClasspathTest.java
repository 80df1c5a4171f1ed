package org.fourthpurpose.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spark runs only in the {@code spark-job} module, never inside the web application: its jars (and
 * their hundreds of transitive dependencies) must not reach the application's classpath, not even
 * through the shared analytics core. ArchitectureTest checks that no class of ours uses Spark; this
 * checks that Spark is not there to use.
 */
class NoSparkOnClasspathTest {

  @Test
  void sparkClassesCannotBeLoadedByTheWebApplication() {
    ClassLoader loader = NoSparkOnClasspathTest.class.getClassLoader();
    for (String name :
        List.of(
            "org.apache.spark.sql.SparkSession",
            "org.apache.spark.SparkContext",
            "org.apache.spark.sql.Dataset")) {
      assertThatThrownBy(() -> Class.forName(name, false, loader))
          .as(name + " must not be on the web application's classpath")
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void noSparkJarIsOnTheClasspath() {
    String separator = File.separator;
    List<String> sparkJars =
        Arrays.stream(testClassPath().split(File.pathSeparator))
            .filter(
                entry ->
                    entry.contains(separator + "org" + separator + "apache" + separator + "spark")
                        || entry.contains("spark-job"))
            .toList();
    assertThat(sparkJars).isEmpty();
  }

  /**
   * The test classpath: Surefire starts the JVM with a one-entry manifest jar and puts the real
   * classpath in {@code surefire.test.class.path}; an IDE puts it in {@code java.class.path}.
   */
  private static String testClassPath() {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    assertThat(path).as("the test classpath").contains("junit");
    return path;
  }
}
