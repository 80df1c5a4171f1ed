package org.fourthpurpose.csv;

/**
 * An uploaded workbook over one of {@link WorkbookLimits}' limits, or not a workbook at all: the
 * message says which, and {@link #row()} where (0 for the workbook as a whole).
 */
public final class WorkbookLimitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long row;
  private final String problem;

  public WorkbookLimitException(String file, long row, String problem) {
    super(file + (row > 0 ? ", row " + row : "") + ": " + problem);
    this.file = file;
    this.row = row;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** The sheet row where the limit was reached, from 1; 0 for the workbook as a whole. */
  public long row() {
    return row;
  }

  /** What is wrong, without the file and row. */
  public String problem() {
    return problem;
  }
}
