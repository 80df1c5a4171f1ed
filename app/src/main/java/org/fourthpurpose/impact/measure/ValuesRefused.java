package org.fourthpurpose.impact.measure;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/**
 * A values file refused whole, with every problem found by line and column; nothing from it was
 * stored. Public (with its problems) because the measure page lists them through SpEL, which cannot
 * call methods of a package-private class.
 */
public class ValuesRefused extends RuntimeException {

  /** Something wrong at a line (0 for the whole file) and column (null for the whole line). */
  public record Problem(long line, String column, String message) {

    /** "Line 4, column B (value): …". */
    String text() {
      return (line > 0 ? "Line " + line : "The file")
          + (column == null ? "" : ", column " + column)
          + ": "
          + message;
    }
  }

  private final String file;
  private final transient List<Problem> problems;

  ValuesRefused(String file, List<Problem> problems) {
    super(
        file
            + " was not imported: "
            + String.join("; ", problems.stream().limit(20).map(Problem::text).toList())
            + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  static ValuesRefused of(String file, long line, String column, String message) {
    return new ValuesRefused(file, List.of(new Problem(line, column, message)));
  }

  public String file() {
    return file;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The API's 400 problem at the first problem's line and column, listing every problem. */
  InvalidInputException asInvalidInput() {
    Problem first = problems.get(0);
    Integer column = null;
    if (first.column() != null) {
      String letters = first.column().replaceAll("[^A-Z].*", "");
      int n = 0;
      for (char c : letters.toCharArray()) {
        n = n * 26 + (c - 'A' + 1);
      }
      column = n == 0 ? null : n;
    }
    return InvalidInputException.inFile(
        "refused-file",
        "File not imported",
        file,
        first.line() > 0 ? first.line() : null,
        column,
        getMessage());
  }
}
