package org.fourthpurpose.anchor.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.csv.CsvText;

/**
 * Writes the anchor register's downloads as CSV and as an Excel workbook from the same header and
 * rows: numbers as numbers, every text defused ({@link CsvText#defuse}) so a spreadsheet shows it
 * and never runs it.
 */
public final class AnchorTables {

  private AnchorTables() {}

  /** The rows as CSV text, header first. */
  public static String csv(List<String> header, List<List<Object>> rows) {
    CsvText text = new CsvText().row(header);
    rows.forEach(text::row);
    return text.toString();
  }

  /** The rows as a workbook of one sheet, header first and frozen. */
  public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Fourth Purpose", "1.0");
      Worksheet sheet = workbook.newWorksheet(sheetName);
      for (int c = 0; c < header.size(); c++) {
        sheet.value(0, c, header.get(c));
        sheet.style(0, c).bold().set();
      }
      sheet.freezePane(0, 1);
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value == null) {
            continue;
          }
          if (value instanceof Number n && !(value instanceof BigDecimal)) {
            sheet.value(r + 1, c, n);
          } else if (value instanceof BigDecimal d) {
            sheet.value(r + 1, c, d);
          } else if (value instanceof Boolean b) {
            sheet.value(r + 1, c, b);
          } else {
            sheet.value(r + 1, c, CsvText.defuse(value.toString()));
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
