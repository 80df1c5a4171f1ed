package org.fourthpurpose.analytics.duckdb;

import java.nio.file.Path;
import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the DuckDB engine the application's {@link RecordLevelAnalytics}.
 *
 * <p>Settings: {@code fp.analytics.duckdb.memory-limit} (default {@code 256MB}: DuckDB's memory is
 * outside the Java heap, so with the default {@code -Xmx512m} the process needs about 512MB of heap
 * + 256MB for DuckDB + the JVM's own), {@code fp.analytics.duckdb.threads} (default 2), and the
 * work directory {@code ${fp.data-dir}/analytics}.
 */
@Configuration(proxyBeanMethods = false)
class DuckDbConfiguration {

  @Bean
  RecordLevelAnalytics recordLevelAnalytics(
      @Value("${fp.data-dir}") Path dataDirectory,
      @Value("${fp.analytics.duckdb.memory-limit:256MB}") String memoryLimit,
      @Value("${fp.analytics.duckdb.threads:2}") int threads) {
    return new DuckDbAnalytics(dataDirectory.resolve("analytics"), memoryLimit, threads);
  }
}
