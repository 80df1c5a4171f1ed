package org.fourthpurpose.reference;

/**
 * A shipped reference file that cannot be loaded: says which file, which line and column, and what
 * is wrong.
 */
public final class ReferenceDataException extends RuntimeException {

  private final String file;
  private final long line;
  private final String column;

  public ReferenceDataException(String file, long line, String column, String problem) {
    super(describe(file, line, column, problem));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public ReferenceDataException(
      String file, long line, String column, String problem, Throwable cause) {
    super(describe(file, line, column, problem), cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String describe(String file, long line, String column, String problem) {
    StringBuilder text = new StringBuilder("Reference data file ").append(file);
    if (line > 0) {
      text.append(", line ").append(line);
    }
    if (column != null) {
      text.append(", column '").append(column).append('\'');
    }
    return text.append(": ").append(problem).toString();
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public String column() {
    return column;
  }
}
