package org.fourthpurpose.indicator.importing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the tidy columns from the first sheet of an Excel workbook, streaming its rows. Errors name
 * the row number and the column letter with its heading, as Excel shows them.
 */
final class XlsxRowSource implements RowSource {

  private final String file;
  private final ReadableWorkbook workbook;
  private final Stream<Row> rows;
  private final Iterator<Row> iterator;
  private final Map<String, Integer> index = new HashMap<>();

  XlsxRowSource(java.nio.file.Path path, String file) {
    this.file = file;
    WorkbookLimits.check(path, file);
    try {
      // From a file rather than a stream, so the workbook is read through its zip directory
      // instead of being held in memory.
      this.workbook = new ReadableWorkbook(path.toFile());
      Sheet sheet = workbook.getFirstSheet();
      this.rows = sheet.openStream();
    } catch (IOException | RuntimeException e) {
      throw new ImportFileException(
          file, 0, null, "is not an Excel workbook (.xlsx) that can be read: " + e.getMessage());
    }
    this.iterator = rows.iterator();
    if (!iterator.hasNext()) {
      throw new ImportFileException(
          file, 1, null, "the first sheet is empty: expected a header row");
    }
    Row header = iterator.next();
    for (int i = 0; i < header.getCellCount(); i++) {
      String text = header.getCellText(i);
      if (text != null && !text.isBlank()) {
        index.putIfAbsent(text.strip().toLowerCase(Locale.ROOT), i);
      }
    }
    for (String column : CsvRowSource.REQUIRED) {
      if (!index.containsKey(column)) {
        throw new ImportFileException(
            file, header.getRowNum(), column, "the header row has no " + column + " column");
      }
    }
    if (!index.containsKey("value")
        && !(index.containsKey("numerator") && index.containsKey("denominator"))) {
      throw new ImportFileException(
          file,
          header.getRowNum(),
          "value",
          "the header row needs a value column, or numerator and denominator columns");
    }
  }

  @Override
  public RawRow next() {
    while (iterator.hasNext()) {
      Row row = iterator.next();
      String indicator = text(row, "indicator_id");
      String area = text(row, "area_code");
      String period = text(row, "period");
      String value = text(row, "value");
      String numerator = text(row, "numerator");
      String denominator = text(row, "denominator");
      if (isBlank(indicator)
          && isBlank(area)
          && isBlank(period)
          && isBlank(value)
          && isBlank(numerator)
          && isBlank(denominator)) {
        continue;
      }
      return new RawRow(
          row.getRowNum(),
          indicator,
          area,
          period,
          value,
          numerator,
          denominator,
          text(row, "lower_ci"),
          text(row, "upper_ci"));
    }
    return null;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private String text(Row row, String column) {
    Integer i = index.get(column);
    if (i == null || !row.hasCell(i)) {
      return null;
    }
    Cell cell = row.getCell(i);
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return null;
    }
    if (cell.getType() == CellType.NUMBER) {
      return cell.asNumber().toPlainString();
    }
    return cell.getText();
  }

  @Override
  public String column(Field field) {
    Integer i = index.get(field.tidyName);
    return i == null ? field.tidyName : letter(i) + " (" + field.tidyName + ")";
  }

  static String letter(int index) {
    StringBuilder letters = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int r = (n - 1) % 26;
      letters.insert(0, (char) ('A' + r));
      n = (n - 1) / 26;
    }
    return letters.toString();
  }

  @Override
  public void close() {
    rows.close();
    try {
      workbook.close();
    } catch (IOException e) {
      // Nothing more to read.
    }
  }
}
