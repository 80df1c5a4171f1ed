package org.fourthpurpose.anchor.register;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/**
 * An uploaded file refused whole, with every problem found (up to {@link
 * TableFile#MAXIMUM_PROBLEMS}) by line and column; nothing from it was stored.
 */
public class TableRefused extends RuntimeException {

  private final String file;
  private final transient List<TableFile.FileProblem> problems;
  private final int found;

  public TableRefused(String file, List<TableFile.FileProblem> problems, int found) {
    super(
        file
            + " was not imported: "
            + String.join(
                "; ", problems.stream().limit(20).map(TableFile.FileProblem::text).toList())
            + (found > 20 ? "; and " + (found - 20) + " more" : ""));
    this.file = file;
    this.problems =
        List.copyOf(problems.subList(0, Math.min(problems.size(), TableFile.MAXIMUM_PROBLEMS)));
    this.found = found;
  }

  static TableRefused of(String file, long line, String column, String message) {
    return new TableRefused(file, List.of(new TableFile.FileProblem(line, column, message)), 1);
  }

  public String file() {
    return file;
  }

  /** The problems listed (the first {@link TableFile#MAXIMUM_PROBLEMS} when there are more). */
  public List<TableFile.FileProblem> problems() {
    return problems;
  }

  /** How many problems were found in all. */
  public int found() {
    return found;
  }

  /** The API's 400 problem, at the first problem's line. */
  public InvalidInputException asInvalidInput() {
    TableFile.FileProblem first = problems.get(0);
    return InvalidInputException.inFile(
        "refused-file", "File not imported", file, first.line(), null, getMessage());
  }
}
