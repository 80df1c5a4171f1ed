package org.fourthpurpose.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The loader on a real (H2) database with the real migrations, fed with files made here. */
class ReferenceDataLoaderIntegrationTest {

  private final Map<String, byte[]> files = new HashMap<>();
  private final List<Object> events = new ArrayList<>();
  private JdbcTemplate jdbc;
  private TransactionTemplate transaction;

  @BeforeEach
  void freshDatabase() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:loader"
                + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** A dataset that stores regions from one CSV file into the region table. */
  private class Regions implements ReferenceDataset {
    private final String version;

    Regions(String version) {
      this.version = version;
    }

    @Override
    public String name() {
      return "regions";
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public List<String> files() {
      return List.of("regions.csv.gz");
    }

    @Override
    public long replace(ReferenceFiles reference) {
      jdbc.update("delete from region");
      return reference
          .file("regions.csv.gz")
          .readCsv(
              List.of("code", "name"),
              -1,
              row ->
                  jdbc.update(
                      "insert into region (code, name) values (?, ?)",
                      row.code("code"),
                      row.text("name")));
    }
  }

  private ReferenceDataLoader loader(ReferenceDataset... datasets) {
    return new ReferenceDataLoader(
        List.of(datasets),
        JdbcClient.create(jdbc),
        transaction,
        events::add,
        Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC),
        name -> files.containsKey(name) ? new ByteArrayInputStream(files.get(name)) : null);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private List<String> regionNames() {
    return jdbc.queryForList("select name from region order by code", String.class);
  }

  @Test
  void loadsOnceAndDoesNothingOnARestartWithTheSameFiles() throws IOException {
    files.put("regions.csv.gz", gzip("code,name\nE12000001,North East\nE12000002,North West\n"));

    assertThat(loader(new Regions("1")).loadChanged()).containsExactly("regions");
    assertThat(regionNames()).containsExactly("North East", "North West");
    Instant firstLoad = loader(new Regions("1")).storedDatasets().get("regions").loadedAt();

    assertThat(loader(new Regions("1")).loadChanged()).isEmpty();
    assertThat(loader(new Regions("1")).storedDatasets().get("regions").rowCount()).isEqualTo(2);
    assertThat(loader(new Regions("1")).storedDatasets().get("regions").loadedAt())
        .isEqualTo(firstLoad);
  }

  @Test
  void aNewVersionReplacesTheOldRowsWhole() throws IOException {
    files.put("regions.csv.gz", gzip("code,name\nE12000001,North East\nE12000002,North West\n"));
    loader(new Regions("1")).loadChanged();
    files.put("regions.csv.gz", gzip("code,name\nE12000009,South West\n"));

    assertThat(loader(new Regions("2")).loadChanged()).containsExactly("regions");
    assertThat(regionNames()).containsExactly("South West");
    assertThat(loader(new Regions("2")).storedDatasets().get("regions").version()).isEqualTo("2");
  }

  @Test
  void rejectsAMalformedRowNamingFileLineAndColumnAndKeepsTheLoadedData() throws IOException {
    files.put("regions.csv.gz", gzip("code,name\nE12000001,North East\n"));
    loader(new Regions("1")).loadChanged();
    files.put("regions.csv.gz", gzip("code,name\nE12000003,Yorkshire\nnot-a-code,London\n"));

    assertThatThrownBy(() -> loader(new Regions("2")).loadChanged())
        .isInstanceOf(ReferenceDataException.class)
        .hasMessage(
            "Reference data file regions.csv.gz, line 3, column 'code': 'not-a-code' is not a nine-character"
                + " ONS code");
    assertThat(regionNames()).containsExactly("North East");
    assertThat(loader(new Regions("1")).storedDatasets().get("regions").version()).isEqualTo("1");
  }

  @Test
  void rejectsATruncatedCompressedFileAndStoresNothing() throws IOException {
    byte[] whole = gzip("code,name\nE12000001,North East\nE12000002,North West\n");
    files.put("regions.csv.gz", java.util.Arrays.copyOf(whole, whole.length - 12));

    assertThatThrownBy(() -> loader(new Regions("1")).loadChanged())
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("regions.csv.gz")
        .hasMessageContaining("truncated");
    assertThat(regionNames()).isEmpty();
    assertThat(loader(new Regions("1")).storedDatasets()).isEmpty();
  }

  @Test
  void rejectsAMissingFile() {
    assertThatThrownBy(() -> loader(new Regions("1")).loadChanged())
        .isInstanceOf(ReferenceDataException.class)
        .hasMessage("Reference data file regions.csv.gz: is missing from the application");
  }

  @Test
  void rejectsAFileWithTheWrongHeaderOrRowCount() throws IOException {
    files.put("regions.csv.gz", gzip("code,title\nE12000001,North East\n"));
    assertThatThrownBy(() -> loader(new Regions("1")).loadChanged())
        .hasMessageStartingWith(
            "Reference data file regions.csv.gz, line 1, column 'name': the header has no such column");

    ReferenceFile file =
        new ReferenceFile(
            "regions.csv.gz",
            name -> new ByteArrayInputStream(gzip("code,name\nE12000001,North East\n")));
    assertThatThrownBy(() -> file.readCsv(List.of("code"), 5, row -> {}))
        .hasMessageContaining("has 1 data rows where 5 were expected");
  }

  @Test
  void leavesBackgroundDatasetsForLaterWhenAskedToLoadOnlyWhatStartUpNeeds() throws IOException {
    files.put("regions.csv.gz", gzip("code,name\nE12000001,North East\n"));
    ReferenceDataset background =
        new Regions("1") {
          @Override
          public boolean loadsInBackground() {
            return true;
          }
        };

    assertThat(loader(background).loadChanged(false)).isEmpty();
    assertThat(regionNames()).isEmpty();
    assertThat(loader(background).loadChanged()).containsExactly("regions");
    assertThat(regionNames()).containsExactly("North East");
  }

  @Test
  void rollsBackEveryDatasetWhenALaterOneFails() throws IOException {
    files.put("regions.csv.gz", gzip("code,name\nE12000001,North East\n"));
    ReferenceDataset failing =
        new ReferenceDataset() {
          @Override
          public String name() {
            return "zz-failing";
          }

          @Override
          public String version() {
            return "1";
          }

          @Override
          public List<String> files() {
            return List.of();
          }

          @Override
          public List<String> dependsOn() {
            return List.of("regions");
          }

          @Override
          public long replace(ReferenceFiles reference) {
            throw new ReferenceDataException("other.csv.gz", 7, "value", "is not a number");
          }
        };

    assertThatThrownBy(() -> loader(new Regions("1"), failing).loadChanged())
        .hasMessage("Reference data file other.csv.gz, line 7, column 'value': is not a number");
    assertThat(regionNames()).isEmpty();
    assertThat(loader(new Regions("1")).storedDatasets()).isEmpty();
  }
}
