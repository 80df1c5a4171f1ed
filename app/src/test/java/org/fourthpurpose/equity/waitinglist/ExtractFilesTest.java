package org.fourthpurpose.equity.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What the web application reads of an extract itself: the format by its first bytes, the header
 * row, a workbook converted to CSV with each line's sheet row, and the upload limit.
 */
class ExtractFilesTest {

  @TempDir Path dir;

  @Test
  void convertsAWorkbookToCsvWithIsoDatesPlainNumbersAndTheSheetRowOfEachLine() throws Exception {
    Path xlsx = dir.resolve("extract.xlsx");
    try (OutputStream out = Files.newOutputStream(xlsx)) {
      Workbook workbook = new Workbook(out, "test", "1.0");
      Worksheet sheet = workbook.newWorksheet("list");
      List<String> header = List.of("Pathway", "LSOA", "Age", "Start");
      for (int c = 0; c < header.size(); c++) {
        sheet.value(0, c, header.get(c));
      }
      sheet.value(1, 0, "P1");
      sheet.value(1, 1, "E01000001");
      sheet.value(1, 2, 45);
      sheet.value(1, 3, LocalDate.of(2025, 1, 31));
      sheet.style(1, 3).format("yyyy-mm-dd").set();
      // Row 3 of the sheet is left empty; row 4 has a line break inside a cell and a comma.
      sheet.value(3, 0, "P2\nsecond line");
      sheet.value(3, 1, "E01000002, x");
      sheet.value(3, 2, 7.0);
      sheet.value(3, 3, "2024-12-01");
      workbook.finish();
    }
    assertThat(UploadFormat.sniff(xlsx)).isEqualTo(UploadFormat.XLSX);
    ExtractFiles.Header header = ExtractFiles.header(xlsx, UploadFormat.XLSX, "extract.xlsx");
    assertThat(header.columns()).containsExactly("Pathway", "LSOA", "Age", "Start");
    assertThat(header.firstPathwayId()).contains("P1");

    Path csv = dir.resolve("extract.csv");
    ExtractFiles.Converted converted = ExtractFiles.toCsv(xlsx, "extract.xlsx", csv, "Start");
    assertThat(Files.readString(csv, StandardCharsets.UTF_8))
        .isEqualTo(
            "Pathway,LSOA,Age,Start\r\n"
                + "P1,E01000001,45,2025-01-31\r\n"
                + "P2 second line,\"E01000002, x\",7,2024-12-01\r\n");
    assertThat(converted.rows()).isEqualTo(2);
    // CSV line 3 is the sheet's row 4 (its row 3 was empty).
    assertThat(converted.sheetRow(1)).isEqualTo(1);
    assertThat(converted.sheetRow(2)).isEqualTo(2);
    assertThat(converted.sheetRow(3)).isEqualTo(4);
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefusedAtLineZero() throws Exception {
    Path fake = dir.resolve("fake.xlsx");
    Files.write(fake, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    assertThatThrownBy(() -> ExtractFiles.header(fake, UploadFormat.XLSX, "fake.xlsx"))
        .isInstanceOfSatisfying(
            ExtractRefusal.class,
            r -> {
              assertThat(r.problems().get(0).line()).isZero();
              assertThat(r.problems().get(0).message()).contains("not an Excel workbook");
            });
  }

  @Test
  void tellsParquetAndCsvByTheirFirstBytesAndReadsACsvHeader() throws Exception {
    Path parquet = dir.resolve("x.bin");
    Files.write(parquet, "PAR1....".getBytes(StandardCharsets.US_ASCII));
    assertThat(UploadFormat.sniff(parquet)).isEqualTo(UploadFormat.PARQUET);
    Path csv = dir.resolve("x.csv");
    Files.writeString(csv, "\uFEFFPathway ID , LSOA\nSYNTHETIC-1,E01000001\n");
    assertThat(UploadFormat.sniff(csv)).isEqualTo(UploadFormat.CSV);
    ExtractFiles.Header header = ExtractFiles.header(csv, UploadFormat.CSV, "x.csv");
    assertThat(header.columns()).containsExactly("Pathway ID", "LSOA");
    assertThat(header.firstPathwayId()).contains("SYNTHETIC-1");
  }

  @Test
  void aCsvThatIsNotUtf8IsRefusedAtTheLineWithTheBadBytes() throws Exception {
    Path csv = dir.resolve("latin1.csv");
    Files.write(csv, new byte[] {'p', 'a', 't', 'h', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> ExtractFiles.header(csv, UploadFormat.CSV, "latin1.csv"))
        .isInstanceOfSatisfying(
            ExtractRefusal.class,
            r -> assertThat(r.problems().get(0).message()).contains("not UTF-8"));
  }

  @Test
  void checksThatEveryRequiredColumnIsThereUnderItsNameOrItsMapping() {
    ExtractFiles.Header header =
        new ExtractFiles.Header(
            List.of("pathway_id", "LSOA", "age", "sex", "ethnicity", "clock_start"),
            java.util.Optional.empty());
    assertThatThrownBy(() -> ExtractFiles.checkColumns(header, Map.of("lsoa_code", "LSOA")))
        .isInstanceOfSatisfying(
            ExtractRefusal.class,
            r -> {
              assertThat(r.problemCount()).isEqualTo(4);
              assertThat(r.problems())
                  .extracting(ExtractProblem::column)
                  .containsExactly(
                      "first_language_english",
                      "learning_disability",
                      "mental_health",
                      "treatment_function");
              assertThat(r.problems()).allMatch(p -> p.line() == 1);
            });
  }

  @Test
  void refusesAnUploadOverTheLimitWith413AndKeepsNothing() throws Exception {
    ExtractFiles files = new ExtractFiles(dir, DataSize.ofBytes(1000));
    assertThatThrownBy(() -> files.spool(new ByteArrayInputStream(new byte[1001])))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("fp.equity.max-upload");
    try (var left = Files.list(dir.resolve("equity-uploads"))) {
      assertThat(left.toList()).isEmpty();
    }
    Path kept = files.spool(new ByteArrayInputStream(new byte[1000]));
    assertThat(Files.size(kept)).isEqualTo(1000);
  }

  @Test
  void findsTheMappingFromNamesOrTheRememberedOneAndAsksWhenARequiredColumnIsMissing() {
    List<String> canonical =
        List.of(
            "pathway_id",
            "lsoa_code",
            "age",
            "sex",
            "ethnicity",
            "first_language_english",
            "learning_disability",
            "mental_health",
            "treatment_function",
            "clock_start");
    assertThat(ExtractUploads.mappingFor(canonical, Map.of())).contains(Map.of());
    List<String> renamed =
        List.of(
            "Pathway_ID",
            "LSOA21",
            "age",
            "sex",
            "ethnicity",
            "first_language_english",
            "learning_disability",
            "mental_health",
            "TFC",
            "clock_start");
    assertThat(ExtractUploads.mappingFor(renamed, Map.of())).isEmpty();
    assertThat(
            ExtractUploads.mappingFor(
                renamed, Map.of("lsoa_code", "LSOA21", "treatment_function", "TFC")))
        .contains(
            Map.of("pathway_id", "Pathway_ID", "lsoa_code", "LSOA21", "treatment_function", "TFC"));
    // A remembered header the file does not have is no help.
    assertThat(ExtractUploads.mappingFor(renamed, Map.of("lsoa_code", "LSOA11"))).isEmpty();
  }
}
