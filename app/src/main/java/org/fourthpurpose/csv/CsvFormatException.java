package org.fourthpurpose.csv;

/**
 * CSV text that breaks RFC 4180, at a known place: the message says what is wrong, and {@link
 * #line()} and {@link #column()} (both counted from 1) say where.
 */
public class CsvFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final int column;

  public CsvFormatException(String problem, long line, int column) {
    super(problem + " (line " + line + ", column " + column + ")");
    this.line = line;
    this.column = column;
  }

  /** The line, from 1, where the problem was found. */
  public long line() {
    return line;
  }

  /** The column, from 1, in characters along the line. */
  public int column() {
    return column;
  }
}
