package org.fourthpurpose.anchor.spend;

/**
 * One thing wrong with an uploaded spend file, where it is and what to do.
 *
 * @param line the line of a CSV file or row of a sheet, counting the header as 1; 0 for the file
 * @param column the column's heading (with its letter in a sheet), or null for the whole row
 */
record SpendProblem(long line, String column, String message) {

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
