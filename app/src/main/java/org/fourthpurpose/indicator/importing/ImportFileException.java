package org.fourthpurpose.indicator.importing;

import org.springframework.modulith.NamedInterface;

/**
 * A file cannot be read at all as the chosen layout (not CSV, missing columns, not a workbook). It
 * carries the file, line and column so the person importing can fix it.
 */
@NamedInterface("workbook")
public final class ImportFileException extends RuntimeException {

  private final String file;
  private final ImportProblem problem;

  public ImportFileException(String file, long line, String column, String message) {
    super(file + ": " + new ImportProblem(line, column, message));
    this.file = file;
    this.problem = new ImportProblem(line, column, message);
  }

  public String file() {
    return file;
  }

  public ImportProblem problem() {
    return problem;
  }
}
