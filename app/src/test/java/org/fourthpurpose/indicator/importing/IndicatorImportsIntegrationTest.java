package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.ValueType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@org.fourthpurpose.ApplicationTest
class IndicatorImportsIntegrationTest {

  /** Humber and North Yorkshire. */
  static final String WORKSPACE = "E54000051";

  static final String HEADER =
      "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n";

  @Autowired IndicatorImports imports;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  @BeforeEach
  void emptyTheWorkspace() {
    // The context is shared with every other integration test: empty only this workspace.
    jdbc.update("delete from imported_value where workspace_icb_code = ?", WORKSPACE);
    jdbc.update(
        "delete from indicator_import_error where import_id in (select id from indicator_import"
            + " where workspace_icb_code = ?)",
        WORKSPACE);
    jdbc.update("delete from indicator_import where workspace_icb_code = ?", WORKSPACE);
  }

  @Test
  void storesEveryRowOfAGoodTidyCsvWorkingOutValuesFromNumeratorAndDenominator()
      throws IOException {
    ImportOutcome outcome =
        importCsv(
            HEADER
                + "employment-rate,E54000051,2024,75.5,,,74.1,76.9\n"
                + "employment-rate,QOQ,2023,74.0,,,,\n"
                + "employment-rate,E06000065,2024/25,,300,400,,\n"
                + "employment-rate,E92000001,2024-Q1,76.1,,,,\n");
    assertThat(outcome.alreadyImported()).isFalse();
    assertThat(outcome.record().status()).isEqualTo("ACCEPTED");
    assertThat(outcome.record().rowsStored()).isEqualTo(4);
    assertThat(
            jdbc.queryForList(
                "select area_code, period, observation, lower_ci from imported_value where workspace_icb_code = 'E54000051' order by"
                    + " area_code, period"))
        .extracting(r -> r.get("area_code"), r -> r.get("period"), r -> r.get("observation"))
        .containsExactly(
            tuple("E06000065", "2024/25", 75.0), // 300 / 400 as a percentage
            tuple("E54000051", "2023", 74.0), // the ODS code QOQ stored as the ONS code
            tuple("E54000051", "2024", 75.5),
            tuple("E92000001", "2024-Q1", 76.1));
  }

  @Test
  void rejectsEveryBadRowWithItsLineAndColumnAndStoresNothingFromTheFile() throws IOException {
    importCsv(HEADER + "employment-rate,E54000051,2020,70.0,,,,\n");
    long before = count();

    ImportOutcome outcome =
        importCsv(
            HEADER
                + "employment-rate,E99999999,2024,75,,,,\n" // line 2: unknown area
                + "no-such-indicator,E54000051,2024,75,,,,\n" // 3: unknown indicator
                + "employment-rate,E54000051,2024,seventy,,,,\n" // 4: not a number
                + "employment-rate,E54000051,2023,,10,0,,\n" // 5: denominator 0
                + "employment-rate,E54000051,2022,,10,-4,,\n" // 6: denominator negative
                + "employment-rate,E54000051,2021,75,,,,\n" // 7: good
                + "employment-rate,QOQ,2021,76,,,,\n" // 8: repeats line 7
                + "employment-rate,E54000051,24/25,75,,,,\n" // 9: wrong period format
                + "employment-rate,E54000052,2024,75,,,,\n" // 10: 2022 ICB code
                + "employment-rate,E54000051,2019,,,,,\n" // 11: no value
                + "employment-rate,E54000051,2018,75,,,80,70\n"); // 12: interval reversed

    assertThat(outcome.record().status()).isEqualTo("REJECTED");
    assertThat(outcome.record().errorCount()).isEqualTo(10);
    List<ImportProblem> problems = imports.problems(outcome.record().id());
    assertThat(problems)
        .extracting(ImportProblem::line, ImportProblem::column)
        .containsExactly(
            tuple(2L, "area_code"),
            tuple(3L, "indicator_id"),
            tuple(4L, "value"),
            tuple(5L, "denominator"),
            tuple(6L, "denominator"),
            tuple(8L, "period"),
            tuple(9L, "period"),
            tuple(10L, "area_code"),
            tuple(11L, "value"),
            tuple(12L, "lower_ci"));
    assertThat(problems.get(0).message()).contains("'E99999999' is not a known area code");
    assertThat(problems.get(1).message()).contains("'no-such-indicator' is not an indicator");
    assertThat(problems.get(2).message()).isEqualTo("'seventy' is not a number");
    assertThat(problems.get(3).message()).contains("must be more than 0");
    assertThat(problems.get(5).message()).startsWith("repeats line 7");
    assertThat(problems.get(6).message()).contains("'24/25' is not a period");
    assertThat(problems.get(7).message()).contains("use E54000063 (Surrey Heartlands)");
    assertThat(count()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select observation from imported_value where workspace_icb_code = 'E54000051' and period = '2020'",
                Double.class))
        .isEqualTo(70.0);
  }

  @Test
  void rejectsAFileWithoutTheRequiredColumnsNamingTheMissingColumn() throws IOException {
    ImportOutcome outcome = importCsv("indicator,area,when,value\nx,y,z,1\n");
    assertThat(outcome.record().status()).isEqualTo("REJECTED");
    assertThat(imports.problems(outcome.record().id()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.column()).isEqualTo("indicator_id");
            });
    assertThat(count()).isZero();
  }

  @Test
  void importingTheSameFileAgainChangesNothing() throws IOException {
    String csv = HEADER + "employment-rate,E54000051,2024,75.5,,,,\n";
    ImportOutcome first = importCsv(csv);
    ImportOutcome second = importCsv(csv);
    assertThat(second.alreadyImported()).isTrue();
    assertThat(second.record().id()).isEqualTo(first.record().id());
    assertThat(count()).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from indicator_import where workspace_icb_code = 'E54000051'",
                Integer.class))
        .isEqualTo(1);
  }

  @Test
  void aLaterFileReplacesValuesForTheSameIndicatorAreaAndPeriod() throws IOException {
    importCsv(
        HEADER
            + "employment-rate,E54000051,2024,75.5,,,,\nemployment-rate,E54000051,2023,74,,,,\n");
    importCsv(HEADER + "employment-rate,E54000051,2024,77.0,,,,\n");
    assertThat(
            jdbc.queryForList(
                "select period, observation from imported_value where workspace_icb_code = 'E54000051' order by period"))
        .extracting(r -> r.get("period"), r -> r.get("observation"))
        .containsExactly(tuple("2023", 74.0), tuple("2024", 77.0));
  }

  @Test
  void keepsTheFirstThousandProblemsAndCountsTheRest() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 1_500; i++) {
      csv.append("employment-rate,E54000051,")
          .append(String.format("%d-%02d", 1900 + i / 12, i % 12 + 1))
          .append(",abc,,,,\n");
    }
    ImportOutcome outcome = importCsv(csv.toString());
    assertThat(outcome.record().errorCount()).isEqualTo(1_500);
    assertThat(imports.problems(outcome.record().id())).hasSize(1_000);
    assertThat(outcome.record().message()).isEqualTo("Showing the first 1000 of 1500 problems");
  }

  @Test
  void readsAFingertipsDownloadMatchingIndicatorsByFingertipsIdAndLeavingOutBreakdowns()
      throws IOException {
    String header =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,"
            + "Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,"
            + "Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,"
            + "Value note,Recent Trend,Compared to England value or percentiles,"
            + "Compared to ICB value or percentiles,Time period Sortable,New data,"
            + "Compared to goal,Time period range\n";
    String good =
        header
            + "93722,\"Under 75 mortality rate from cardiovascular diseases considered preventable\","
            + "E92000001,England,E54000051,NHS Humber and North Yorkshire ICB,ICBs,Persons,<75 yrs,"
            + ",,2020 - 22,35.2,33.1,37.4,,,1040,2954000,,,,,20200000,,,3y\n"
            + "93722,\"Under 75 ...\",E92000001,England,E54000051,Humber,ICBs,Persons,<75 yrs,"
            + "ICB deprivation deciles,Most deprived decile,2020 - 22,60.1,,,,,,,,,,,20200000,,,3y\n"
            + "93722,\"Under 75 ...\",E92000001,England,E06000065,North Yorkshire,UA,Persons,"
            + "<75 yrs,,,2020 - 22,,,,,,,,*,,,,20200000,,,3y\n";
    ImportOutcome accepted = importFile("fingertips.csv", good);
    assertThat(accepted.record().format()).isEqualTo(ImportFormat.FINGERTIPS_CSV);
    assertThat(accepted.record().status()).isEqualTo("ACCEPTED");
    assertThat(accepted.record().message())
        .contains("1 rows break a value down", "1 rows have no value");
    assertThat(
            jdbc.queryForMap(
                "select indicator_id, area_code, period, observation, numerator, denominator"
                    + " from imported_value where workspace_icb_code = 'E54000051'"))
        .containsEntry("indicator_id", "preventable-cvd-mortality")
        .containsEntry("period", "2020-2022")
        .containsEntry("observation", 35.2)
        .containsEntry("numerator", 1040.0)
        .containsEntry("denominator", 2954000.0);

    ImportOutcome rejected =
        importFile(
            "fingertips2.csv",
            header
                + "12345,Something,E92000001,England,E54000051,Humber,ICBs,Persons,All ages,,,"
                + "2022,5.5,,,,,,,,,,,2022,,,1y\n");
    assertThat(imports.problems(rejected.record().id()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo("Indicator ID");
              assertThat(p.message()).contains("'Fingertips 12345' is not an indicator");
            });
  }

  @Test
  void readsTheTidyColumnsFromAnExcelSheetAndNamesCellsByColumnLetter() throws IOException {
    Path good =
        workbook(
            "good.xlsx",
            new Object[][] {
              {"indicator_id", "area_code", "period", "value", "numerator", "denominator"},
              {"employment-rate", "E54000051", "2024", 75.5, null, null},
              {"employment-rate", "E06000065", 2023, null, 30, 40}
            });
    ImportOutcome accepted = imports.importNow(WORKSPACE, good, "good.xlsx", "tester");
    assertThat(accepted.record().format()).isEqualTo(ImportFormat.XLSX);
    assertThat(accepted.record().status()).isEqualTo("ACCEPTED");
    assertThat(
            jdbc.queryForObject(
                "select observation from imported_value where workspace_icb_code = 'E54000051' and area_code = 'E06000065'",
                Double.class))
        .isEqualTo(75.0);

    long before = count();
    Path bad =
        workbook(
            "bad.xlsx",
            new Object[][] {
              {"indicator_id", "area_code", "period", "value", "numerator", "denominator"},
              {"employment-rate", "E54000051", "2022", "n/a", null, null},
              {"employment-rate", "E54000051", "2021", null, 3, 0}
            });
    ImportOutcome rejected = imports.importNow(WORKSPACE, bad, "bad.xlsx", "tester");
    assertThat(imports.problems(rejected.record().id()))
        .extracting(ImportProblem::line, ImportProblem::column)
        .containsExactly(tuple(2L, "D (value)"), tuple(3L, "F (denominator)"));
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void importsValuesForAnIndicatorTheWorkspaceAdministratorAdded() throws IOException {
    catalogue.add(
        new Indicator(
            "humber-local-spend",
            "local-economy",
            "Spend with local suppliers",
            "Share of NHS non-pay spend with suppliers based in the ICS area.",
            "Humber and North Yorkshire ICB finance team",
            null,
            "Internal",
            "Humber and North Yorkshire ICB",
            "% of non-pay spend",
            ValueType.PROPORTION,
            Polarity.HIGHER_IS_BETTER,
            IntervalMethod.NONE,
            List.of(AreaLevel.ICB),
            "Financial years",
            null,
            null,
            false,
            WORKSPACE));
    ImportOutcome outcome =
        importCsv(HEADER + "humber-local-spend,E54000051,2024/25,,2500,10000,,\n");
    assertThat(outcome.record().status()).isEqualTo("ACCEPTED");
    assertThat(
            jdbc.queryForObject(
                "select observation from imported_value where workspace_icb_code = 'E54000051'",
                Double.class))
        .isEqualTo(25.0);
    // Another workspace cannot use it.
    Path file = write("other.csv", HEADER + "humber-local-spend,E54000008,2024/25,20,,,,\n");
    ImportOutcome other = imports.importNow("E54000008", file, "other.csv", "tester");
    assertThat(other.record().status()).isEqualTo("REJECTED");
  }

  @Test
  void runsALargeImportInTheBackgroundShowingProgress() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    String[] areas = {"E54000051", "E06000065", "E06000010", "E06000011", "E06000014"};
    int rows = 0;
    for (int year = 1950; year < 2050; year++) {
      for (int month = 1; month <= 12; month++) {
        for (String area : areas) {
          csv.append("employment-rate,")
              .append(area)
              .append(',')
              .append(String.format("%d-%02d", year, month))
              .append(",70.5,,,,\n");
          rows++;
        }
      }
    }
    Path file = write("large.csv", csv.toString());
    ImportOutcome started = imports.importInBackground(WORKSPACE, file, "large.csv", "tester");
    assertThat(started.alreadyImported()).isFalse();
    ImportRecord record = started.record();
    for (int i = 0; i < 600 && !record.finished(); i++) {
      Thread.sleep(100);
      record = imports.find(WORKSPACE, record.id()).orElseThrow();
    }
    assertThat(record.status()).isEqualTo("ACCEPTED");
    assertThat(record.rowsStored()).isEqualTo(rows);
    assertThat(count()).isEqualTo(rows);
    // The uploaded copy is deleted just after the import is recorded as finished.
    for (int i = 0; i < 50 && Files.exists(file); i++) {
      Thread.sleep(20);
    }
    assertThat(Files.exists(file)).isFalse();
  }

  private long count() {
    return jdbc.queryForObject(
        "select count(*) from imported_value where workspace_icb_code = 'E54000051'", Long.class);
  }

  private ImportOutcome importCsv(String content) throws IOException {
    return importFile("values.csv", content);
  }

  private ImportOutcome importFile(String name, String content) throws IOException {
    Path file = write(name, content);
    return imports.importNow(WORKSPACE, file, name, "tester");
  }

  private Path write(String name, String content) throws IOException {
    Path file = Files.createTempFile(dir, "import", name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Path workbook(String name, Object[][] cells) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        Workbook wb = new Workbook(out, "test", "1.0")) {
      Worksheet sheet = wb.newWorksheet("values");
      for (int r = 0; r < cells.length; r++) {
        for (int c = 0; c < cells[r].length; c++) {
          Object v = cells[r][c];
          if (v instanceof Number n) {
            sheet.value(r, c, n);
          } else if (v != null) {
            sheet.value(r, c, v.toString());
          }
        }
      }
    }
    return file;
  }
}
