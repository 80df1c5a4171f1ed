package org.fourthpurpose.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: {@code java -jar fourth-purpose-spark-job.jar …} with no JVM
 * flags, on the small extract of {@link SparkJobTest}, in a JVM of its own (Java 17 refuses Spark's
 * reflection unless the manifest's {@code Add-Opens} works).
 */
class SparkJobJarIntegrationTest {

  @TempDir static Path dir;
  static Path jar;

  @BeforeAll
  static void files() throws IOException {
    jar = Path.of(System.getProperty("fp.spark.jar", "target/fourth-purpose-spark-job.jar"));
    SparkJobTest.dir = dir;
    SparkJobTest.files();
  }

  record Result(int status, String output) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Djava.io.tmpdir=" + dir);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "java", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar did not finish in 5 minutes:\n" + Files.readString(log));
    }
    return new Result(process.exitValue(), Files.readString(log));
  }

  @Test
  void theManifestNamesTheMainClassAndOpensWhatSparkNeeds() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Main-Class"))
          .isEqualTo(SparkJob.class.getName());
      assertThat(manifest.getMainAttributes().getValue("Add-Opens"))
          .contains("java.base/sun.nio.ch", "java.base/java.nio", "java.base/java.lang.invoke");
      assertThat(file.getEntry("META-INF/services/org.apache.spark.sql.sources.DataSourceRegister"))
          .isNotNull();
      assertThat(file.getEntry("reference/imd2025_england_lsoa21.csv.gz")).isNotNull();
      assertThat(
              file.stream()
                  .map(e -> e.getName())
                  .filter(n -> n.matches("META-INF/[^/]*\\.(SF|DSA|RSA)")))
          .isEmpty();
    }
  }

  @Test
  void runsTheAnalysisWithJavaJarAlone() throws Exception {
    Path output = dir.resolve("jar-tables");
    Result run =
        java(
            "--input", SparkJobTest.extract.toString(),
            "--census-date", "2025-03-31",
            "--output", output.toString(),
            "--lookup", SparkJobTest.lookup.toString());

    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).contains("Apache Spark 4.2.0: 50 pathways at 2025-03-31");
    assertThat(Files.readAllLines(output.resolve("imd-quintile.csv")))
        .element(1)
        .asString()
        .startsWith("1,20,105.0,184.8,10,0,40.0,false");
  }

  @Test
  void answersWrongArgumentsWithUsageAndStatus2() throws Exception {
    Result run = java("--input", "x.csv");
    assertThat(run.status()).isEqualTo(SparkJob.USAGE);
    assertThat(run.output()).contains("--census-date is required").contains("Usage:");
  }
}
