package org.fourthpurpose.anchor.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spend file as an Excel workbook: the same figures as CSV, problems by row and column letter.
 */
class XlsxSpendRowsTest {

  @TempDir Path dir;

  private Path workbook(Object[][] rows) throws IOException {
    Path file = dir.resolve("spend.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook book = new Workbook(out, "test", "1.0");
      Worksheet sheet = book.newWorksheet("Spend");
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value instanceof Number n) {
            sheet.value(r, c, n);
          } else if (value != null) {
            sheet.value(r, c, value.toString());
          }
        }
      }
      book.finish();
    }
    return file;
  }

  @Test
  void aWorkbookAddsUpAsTheSameCsvDoes() throws IOException {
    Path file =
        workbook(
            new Object[][] {
              {"supplier", "amount", "lsoa_code", "lad_code"},
              {"Acme Ltd", 1000.5, "E01000002", null},
              {"Bolt & Co", "300", null, "E09000002"},
              {},
              {"Forge", -20, null, null}
            });
    SpendSummary summary =
        new SpendAggregation(SpendAggregationTest.PLACES, "spend.xlsx")
            .read(new XlsxSpendRows(file, "spend.xlsx"));
    assertThat(summary.rows()).isEqualTo(3);
    assertThat(summary.totalPence()).isEqualTo(100_050 + 30_000 - 2_000);
    assertThat(summary.footprintPence()).isEqualTo(130_050);
    assertThat(summary.mostDeprived20Pence()).isEqualTo(100_050);
    assertThat(summary.unplaced().get(0).line()).isEqualTo(5);
  }

  @Test
  void problemsNameTheSheetRowAndTheColumnLetter() throws IOException {
    Path file =
        workbook(
            new Object[][] {
              {"supplier", "lad_code", "amount"},
              {"Acme Ltd", "E09000002", "lots"},
            });
    SpendFileRefused refused =
        catchThrowableOfType(
            SpendFileRefused.class,
            () ->
                new SpendAggregation(SpendAggregationTest.PLACES, "spend.xlsx")
                    .read(new XlsxSpendRows(file, "spend.xlsx")));
    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0).toString())
        .startsWith("Line 2, column C (amount): lots is not an amount in pounds");
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefused() throws IOException {
    Path file = dir.resolve("fake.xlsx");
    Files.writeString(file, "PK but not a zip");
    SpendFileRefused refused =
        catchThrowableOfType(SpendFileRefused.class, () -> new XlsxSpendRows(file, "fake.xlsx"));
    assertThat(refused.problems().get(0).message()).startsWith("is not an Excel workbook");
  }
}
