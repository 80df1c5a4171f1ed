package org.fourthpurpose.equity.waitinglist;

/**
 * Something wrong at a line and column of an extract (line 0 for the file as a whole, column null
 * for the whole line), as pages and the API show it.
 */
public record ExtractProblem(long line, String column, String message) {

  /** "Line 4, column age: …". */
  public String text() {
    return (line > 0 ? "Line " + line : "The file")
        + (column == null ? "" : ", column " + column)
        + ": "
        + message;
  }
}
