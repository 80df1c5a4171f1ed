package org.fourthpurpose.indicator.importing;

import org.springframework.modulith.NamedInterface;

/**
 * One thing wrong with an imported file: where it is (line, column) and what to do about it.
 *
 * @param line the line of a CSV file or row of a sheet, counting the header as 1; 0 for the file as
 *     a whole
 * @param column the column's heading (with its letter in a sheet), or null
 */
@NamedInterface("workbook")
public record ImportProblem(long line, String column, String message) {

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (line > 0) {
      text.append("Line ").append(line);
    }
    if (column != null) {
      text.append(text.isEmpty() ? "Column " : ", column ").append(column);
    }
    return (text.isEmpty() ? "" : text + ": ") + message;
  }
}
