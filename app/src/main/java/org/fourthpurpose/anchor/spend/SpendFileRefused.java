package org.fourthpurpose.anchor.spend;

import java.util.List;

/**
 * An uploaded spend file with one or more problems: nothing from it was stored. Pages list every
 * problem in an error summary; the API answers 400 with all of them (up to {@link
 * SpendAggregation#MAXIMUM_PROBLEMS_LISTED}).
 */
final class SpendFileRefused extends RuntimeException {

  private final String file;
  private final List<SpendProblem> problems;
  private final long problemCount;

  SpendFileRefused(String file, List<SpendProblem> problems, long problemCount) {
    super(file + ": " + problems.get(0), null, false, false);
    this.file = file;
    this.problems = List.copyOf(problems);
    this.problemCount = problemCount;
  }

  SpendFileRefused(String file, long line, String column, String message) {
    this(file, List.of(new SpendProblem(line, column, message)), 1);
  }

  public String file() {
    return file;
  }

  public List<SpendProblem> problems() {
    return problems;
  }

  /** Every problem found, including those beyond the listed ones. */
  public long problemCount() {
    return problemCount;
  }
}
