package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.job.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an import stores values, on the build's database (H2, and PostgreSQL when switched on): all
 * or nothing when it fails part way, and replacing exactly the earlier values it has a key for.
 */
@ApplicationTest
class IndicatorImportStoringIntegrationTest {

  static final String WORKSPACE = "E54000051";
  static final String HEADER = IndicatorImportsIntegrationTest.HEADER;
  static final String[] AREAS = {"E54000051", "E06000065", "E06000010", "E06000011", "E06000014"};

  @Autowired IndicatorImports imports;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate transaction;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired Geography geography;
  @Autowired Clock clock;
  @Autowired Jobs jobs;
  @Autowired AuditLog audit;
  @TempDir Path dir;

  @BeforeEach
  void emptyTheImports() {
    jdbc.update("delete from imported_value");
    jdbc.update("delete from indicator_import_error");
    jdbc.update("delete from indicator_import");
  }

  @Test
  void aFailureWhileStoringRowsKeepsTheEarlierValuesAndStoresNothingOfTheFile() throws IOException {
    ImportOutcome earlier = importCsv(imports, HEADER + monthlyRows(70.0));
    List<Map<String, Object>> before = values();

    // The second batch of rows fails to write, after the first was written in the transaction.
    IndicatorImports failing = importsFailingOn("insert into imported_value", 2);
    ImportOutcome failed = importCsv(failing, HEADER + monthlyRows(80.0, 12_000));

    assertThat(failed.record().status()).isEqualTo("FAILED");
    assertThat(failed.record().message())
        .startsWith("The import stopped and nothing was stored")
        .contains("disk full");
    assertThat(values()).isEqualTo(before);
    assertThat(rowsOf(failed.record().id())).isZero();
    assertThat(rowsOf(earlier.record().id())).isEqualTo(before.size());
  }

  @Test
  void aFailureWhileReplacingEarlierValuesKeepsThemAndStoresNothingOfTheFile() throws IOException {
    importCsv(imports, HEADER + monthlyRows(70.0));
    List<Map<String, Object>> before = values();

    IndicatorImports failing = importsFailingOn("delete from imported_value", 1);
    ImportOutcome failed = importCsv(failing, HEADER + monthlyRows(80.0));

    assertThat(failed.record().status()).isEqualTo("FAILED");
    assertThat(values()).isEqualTo(before);
    assertThat(rowsOf(failed.record().id())).isZero();
  }

  @Test
  void rejectsAFileWhoseLastRowIsBadAfterThousandsOfGoodRowsAndStoresNothing() throws IOException {
    importCsv(imports, HEADER + "employment-rate,E54000051,2024,75.5,,,,\n");
    List<Map<String, Object>> before = values();
    String rows = monthlyRows(60.0, 12_000);
    long badLine = 12_002;

    ImportOutcome rejected =
        importCsv(imports, HEADER + rows + "employment-rate,E54000051,2024,abc,,,,\n");

    assertThat(rejected.record().status()).isEqualTo("REJECTED");
    assertThat(rejected.record().rowsRead()).isEqualTo(12_001);
    assertThat(imports.problems(rejected.record().id()))
        .extracting(ImportProblem::line, ImportProblem::column)
        .containsExactly(tuple(badLine, "value"));
    assertThat(values()).isEqualTo(before);
    assertThat(rowsOf(rejected.record().id())).isZero();
  }

  @Test
  void aLaterImportReplacesOnlyTheValuesWhoseIndicatorAreaAndPeriodItHas() throws IOException {
    ImportOutcome first =
        importCsv(
            imports,
            HEADER
                + "employment-rate,E54000051,2023,70,,,,\n"
                + "employment-rate,E54000051,2024,71,,,,\n"
                + "employment-rate,E06000065,2024,72,,,,\n"
                + "claimant-count,E54000051,2024,3.1,,,,\n");
    ImportOutcome second =
        importCsv(
            imports,
            HEADER
                + "employment-rate,QOQ,2024,81,,,,\n" // the ODS code of E54000051
                + "employment-rate,E54000051,2025,82,,,,\n");

    assertThat(second.record().rowsStored()).isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "select indicator_id, area_code, period, observation, import_id"
                    + " from imported_value order by indicator_id, area_code, period"))
        .extracting(
            r -> r.get("indicator_id"),
            r -> r.get("area_code"),
            r -> r.get("period"),
            r -> r.get("observation"),
            r -> ((Number) r.get("import_id")).longValue())
        .containsExactly(
            tuple("claimant-count", "E54000051", "2024", 3.1, first.record().id()),
            tuple("employment-rate", "E06000065", "2024", 72.0, first.record().id()),
            tuple("employment-rate", "E54000051", "2023", 70.0, first.record().id()),
            tuple("employment-rate", "E54000051", "2024", 81.0, second.record().id()),
            tuple("employment-rate", "E54000051", "2025", 82.0, second.record().id()));
  }

  @Test
  void anImportThatReplacesEveryValueOfAnEarlierOneLeavesNoneOfIt() throws IOException {
    ImportOutcome first = importCsv(imports, HEADER + monthlyRows(70.0, 7_000));
    ImportOutcome second = importCsv(imports, HEADER + monthlyRows(71.0, 7_000));

    assertThat(second.record().status()).isEqualTo("ACCEPTED");
    assertThat(rowsOf(first.record().id())).isZero();
    assertThat(rowsOf(second.record().id())).isEqualTo(7_000);
    assertThat(jdbc.queryForObject("select count(*) from imported_value", Long.class))
        .isEqualTo(7_000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from imported_value where observation <> 71", Long.class))
        .isZero();
  }

  @Test
  void anImportThatReplacesEveryOtherValueOfALargeEarlierOneKeepsTheRest() throws IOException {
    ImportOutcome first = importCsv(imports, HEADER + monthlyRows(70.0, 12_000));
    String[] lines = monthlyRows(71.0, 12_000).split("\n");
    StringBuilder everyOther = new StringBuilder(HEADER);
    for (int i = 0; i < lines.length; i += 2) {
      everyOther.append(lines[i]).append('\n');
    }
    ImportOutcome second = importCsv(imports, everyOther.toString());

    assertThat(second.record().rowsStored()).isEqualTo(6_000);
    assertThat(rowsOf(first.record().id())).isEqualTo(6_000);
    assertThat(rowsOf(second.record().id())).isEqualTo(6_000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select distinct indicator_id, area_code, period"
                    + " from imported_value) keys",
                Long.class))
        .isEqualTo(12_000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from imported_value where observation = 71 and import_id = ?",
                Long.class,
                second.record().id()))
        .isEqualTo(6_000);
  }

  @Test
  void twoImportsIntoOneWorkspaceAtOnceTakeTurnsLeavingOneValuePerKey() throws Exception {
    importCsv(imports, HEADER + monthlyRows(70.0, 6_000));
    Path a = write(HEADER + monthlyRows(81.0, 6_000));
    Path b = write(HEADER + monthlyRows(82.0, 6_000));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<ImportOutcome> importA = () -> imports.importNow(WORKSPACE, a, "a.csv", "tester");
      Callable<ImportOutcome> importB = () -> imports.importNow(WORKSPACE, b, "b.csv", "tester");
      Future<ImportOutcome> outcomeA = threads.submit(importA);
      Future<ImportOutcome> outcomeB = threads.submit(importB);
      assertThat(outcomeA.get().record().status()).isEqualTo("ACCEPTED");
      assertThat(outcomeB.get().record().status()).isEqualTo("ACCEPTED");
    } finally {
      threads.shutdown();
    }
    assertThat(jdbc.queryForObject("select count(*) from imported_value", Long.class))
        .isEqualTo(6_000);
    assertThat(
            jdbc.queryForList(
                "select distinct observation from imported_value order by observation",
                Double.class))
        .hasSize(1)
        .first()
        .isIn(81.0, 82.0);
  }

  /** Ten rows of employment-rate: five areas, month by month from January 1900. */
  static String monthlyRows(double value) {
    return monthlyRows(value, 10);
  }

  /** Rows of employment-rate: five areas, month by month from January 1900 (at most 12,000). */
  static String monthlyRows(double value, int rows) {
    StringBuilder csv = new StringBuilder();
    int year = 1900;
    for (int i = 0; i < rows; i++) {
      int month = i / AREAS.length;
      csv.append("employment-rate,")
          .append(AREAS[i % AREAS.length])
          .append(',')
          .append(String.format("%d-%02d", year + month / 12, month % 12 + 1))
          .append(',')
          .append(value)
          .append(",,,,\n");
    }
    return csv.toString();
  }

  /** An import engine on the same database whose JDBC fails the n-th time it runs a statement. */
  private IndicatorImports importsFailingOn(String statementStart, int failingCall) {
    AtomicInteger calls = new AtomicInteger();
    JdbcTemplate failingJdbc =
        new JdbcTemplate(dataSource) {
          @Override
          public int[] batchUpdate(String sql, BatchPreparedStatementSetter setter) {
            failIfDue(sql);
            return super.batchUpdate(sql, setter);
          }

          @Override
          public int update(String sql, Object... args) {
            failIfDue(sql);
            return super.update(sql, args);
          }

          // How JdbcClient runs a statement with positional parameters.
          @Override
          public int update(PreparedStatementCreator creator) {
            if (creator instanceof SqlProvider provider) {
              failIfDue(provider.getSql());
            }
            return super.update(creator);
          }

          private void failIfDue(String sql) {
            if (sql.startsWith(statementStart) && calls.incrementAndGet() == failingCall) {
              throw new DataAccessResourceFailureException("disk full");
            }
          }
        };
    return new IndicatorImports(
        failingJdbc, transaction, catalogue, geography, clock, jobs, audit, event -> {});
  }

  private List<Map<String, Object>> values() {
    return jdbc.queryForList(
        "select indicator_id, area_code, period, observation, import_id from imported_value"
            + " order by indicator_id, area_code, period");
  }

  private long rowsOf(long importId) {
    return jdbc.queryForObject(
        "select count(*) from imported_value where import_id = ?", Long.class, importId);
  }

  private ImportOutcome importCsv(IndicatorImports engine, String content) throws IOException {
    return engine.importNow(WORKSPACE, write(content), "values.csv", "tester");
  }

  private Path write(String content) throws IOException {
    Path file = Files.createTempFile(dir, "import", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
