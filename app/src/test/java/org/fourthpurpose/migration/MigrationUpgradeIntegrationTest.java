package org.fourthpurpose.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database made by the application before migrations moved into feature folders upgrades cleanly,
 * and a new database applies every migration in one order, on H2 and (when {@code
 * FP_TEST_POSTGRES_URL} is set) on PostgreSQL, each in a database or schema of its own.
 *
 * <p>Existing installations applied V1, V2, V10, V20 and V21, then V11 and V15 out of order once
 * those shipped. The test builds that history with Flyway's API from copies of the seven files,
 * then runs Flyway as the application configures it (its {@code application.properties}).
 */
class MigrationUpgradeIntegrationTest {

  static final List<String> FIRST =
      List.of(
          "V1__reference_data.sql",
          "V2__accounts.sql",
          "V10__indicators.sql",
          "V20__maturity.sql",
          "V21__maturity_round_revision.sql");
  static final List<String> LATER =
      List.of("V11__imported_value_by_import.sql", "V15__peer_group_sharing.sql");

  @TempDir Path dir;
  private Runnable dropSchema = () -> {};

  @AfterEach
  void dropThePostgresSchema() {
    dropSchema.run();
  }

  @Test
  void anH2DatabaseMadeBeforeFeatureFoldersUpgradesAndValidates() throws IOException {
    upgradesAndValidates(h2(), null);
  }

  @Test
  void aNewH2DatabaseAppliesEveryMigrationInVersionOrder() throws IOException {
    appliesEveryMigrationInVersionOrder(h2(), null);
  }

  @Test
  void aPostgresDatabaseMadeBeforeFeatureFoldersUpgradesAndValidates() throws IOException {
    upgradesAndValidates(postgres(), schema());
  }

  @Test
  void aNewPostgresDatabaseAppliesEveryMigrationInVersionOrder() throws IOException {
    appliesEveryMigrationInVersionOrder(postgres(), schema());
  }

  private void upgradesAndValidates(DataSource database, String schema) throws IOException {
    // How today's installations were made.
    MigrateResult first =
        configure(database, schema).locations(copies("first", FIRST)).load().migrate();
    assertThat(first.migrationsExecuted).isEqualTo(5);
    List<String> seven = new java.util.ArrayList<>(FIRST);
    seven.addAll(LATER);
    MigrateResult later =
        configure(database, schema)
            .locations(copies("all", seven))
            .outOfOrder(true)
            .load()
            .migrate();
    assertThat(later.migrationsExecuted).isEqualTo(2);
    assertThat(appliedVersions(database, schema))
        .containsExactly("1", "2", "10", "20", "21", "11", "15");

    // The application starting on it.
    Flyway application = asTheApplicationConfiguresIt(database, schema);
    assertThat(application.validateWithResult().invalidMigrations)
        .as("what is not yet applied")
        .extracting(m -> m.version)
        .containsExactly("100", "101");
    MigrateResult upgrade = application.migrate();

    assertThat(upgrade.success).isTrue();
    assertThat(upgrade.migrations).extracting(m -> m.version).containsExactly("100", "101");
    assertThat(application.validateWithResult().validationSuccessful).isTrue();
    assertThat(application.info().pending()).isEmpty();
    assertThat(appliedVersions(database, schema))
        .containsExactly("1", "2", "10", "20", "21", "11", "15", "100", "101");
    assertThat(countJobRuns(database, schema)).isZero();
  }

  private void appliesEveryMigrationInVersionOrder(DataSource database, String schema)
      throws IOException {
    Flyway application = asTheApplicationConfiguresIt(database, schema);

    MigrateResult result = application.migrate();

    assertThat(result.success).isTrue();
    assertThat(appliedVersions(database, schema))
        .containsExactly("1", "2", "10", "11", "15", "20", "21", "100", "101");
    assertThat(Arrays.stream(application.info().applied()).map(MigrationInfo::getScript))
        .contains("job/V100__job_run.sql", "audit/V101__audit_log.sql");
    assertThat(application.validateWithResult().validationSuccessful).isTrue();
  }

  /** Flyway with the locations and out-of-order setting of the application's properties. */
  private static Flyway asTheApplicationConfiguresIt(DataSource database, String schema)
      throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    return configure(database, schema)
        .locations(properties.getProperty("spring.flyway.locations", "classpath:db/migration"))
        .outOfOrder(Boolean.parseBoolean(properties.getProperty("spring.flyway.out-of-order")))
        .load();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration configure(
      DataSource database, String schema) {
    var configuration = Flyway.configure().dataSource(database);
    return schema == null ? configuration : configuration.schemas(schema);
  }

  /** A folder holding copies of some of today's migrations, byte for byte. */
  private String copies(String name, List<String> files) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (String file : files) {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("db/migration/" + file)) {
        Files.copy(in, folder.resolve(file));
      }
    }
    return "filesystem:" + folder;
  }

  private static List<String> appliedVersions(DataSource database, String schema) {
    return JdbcClient.create(database)
        .sql(
            "select version from "
                + (schema == null ? "" : schema + ".")
                + "\"flyway_schema_history\" where success and version is not null order by installed_rank")
        .query(String.class)
        .list();
  }

  private static long countJobRuns(DataSource database, String schema) {
    return JdbcClient.create(database)
        .sql("select count(*) from " + (schema == null ? "" : schema + ".") + "job_run")
        .query(Long.class)
        .single();
  }

  private static DataSource h2() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:upgrade"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "sa",
        "");
  }

  private static DataSource postgres() {
    String url = System.getenv("FP_TEST_POSTGRES_URL");
    Assumptions.assumeTrue(url != null && !url.isBlank(), "FP_TEST_POSTGRES_URL is not set");
    return new DriverManagerDataSource(
        url,
        System.getenv("FP_TEST_POSTGRES_USER"),
        System.getenv().getOrDefault("FP_TEST_POSTGRES_PASSWORD", ""));
  }

  /** A schema of its own on the PostgreSQL test database, dropped after the test. */
  private String schema() {
    String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
    DataSource database = postgres();
    dropSchema =
        () ->
            JdbcClient.create(database)
                .sql("drop schema if exists " + schema + " cascade")
                .update();
    return schema;
  }
}
