package org.fourthpurpose.anchor.spend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fourthpurpose.indicator.importing.ImportFileException;
import org.fourthpurpose.indicator.importing.WorkbookLimits;

/**
 * The rows of a spend file in an Excel workbook (.xlsx): the first sheet, its first row the header,
 * streamed row by row after the imports' {@link WorkbookLimits} (the indicator module's {@code
 * workbook} interface) have checked the file. Problems name the sheet's row number and the column's
 * letter with its heading, as Excel shows them.
 */
final class XlsxSpendRows implements SpendRows {

  private final String file;
  private final ReadableWorkbook workbook;
  private final Stream<Row> rows;
  private final Iterator<Row> iterator;
  private final Map<SpendColumn, Integer> positions;

  XlsxSpendRows(Path path, String file) {
    this.file = file;
    try {
      WorkbookLimits.check(path, file);
    } catch (ImportFileException e) {
      throw new SpendFileRefused(file, e.problem().line(), null, e.problem().message());
    }
    try {
      // From a file rather than a stream, so the workbook is read through its zip directory.
      this.workbook = new ReadableWorkbook(path.toFile());
      this.rows = workbook.getFirstSheet().openStream();
    } catch (IOException | RuntimeException e) {
      throw new SpendFileRefused(
          file, 0, null, "is not an Excel workbook (.xlsx) that can be read: " + e.getMessage());
    }
    this.iterator = rows.iterator();
    if (!iterator.hasNext()) {
      close();
      throw new SpendFileRefused(file, 1, null, "the first sheet is empty: expected a header row");
    }
    Row header = iterator.next();
    List<String> headings = new ArrayList<>();
    for (int i = 0; i < header.getCellCount(); i++) {
      headings.add(header.getCellText(i));
    }
    try {
      this.positions = SpendColumn.positions(headings, file, true);
    } catch (SpendFileRefused e) {
      close();
      throw e;
    }
  }

  @Override
  public long next(String[] fields) {
    try {
      while (iterator.hasNext()) {
        Row row = iterator.next();
        boolean any = false;
        for (SpendColumn column : SpendColumn.values()) {
          String value = text(row, positions.get(column));
          fields[column.ordinal()] = value;
          any |= value != null;
        }
        if (any) {
          return row.getRowNum();
        }
      }
      return -1;
    } catch (RuntimeException e) {
      if (e instanceof SpendFileRefused) {
        throw e;
      }
      throw new SpendFileRefused(file, 0, null, "could not be read: " + e.getMessage());
    }
  }

  private static String text(Row row, Integer at) {
    if (at == null || !row.hasCell(at)) {
      return null;
    }
    Cell cell = row.getCell(at);
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return null;
    }
    String text =
        cell.getType() == CellType.NUMBER ? cell.asNumber().toPlainString() : cell.getText();
    return text == null || text.isBlank() ? null : text;
  }

  @Override
  public boolean has(SpendColumn column) {
    return positions.containsKey(column);
  }

  @Override
  public String name(SpendColumn column) {
    Integer at = positions.get(column);
    return at == null ? column.heading() : SpendColumn.letter(at) + " (" + column.heading() + ")";
  }

  @Override
  public void close() {
    if (rows != null) {
      rows.close();
    }
    try {
      workbook.close();
    } catch (IOException e) {
      // Nothing more to read.
    }
  }
}
