package org.fourthpurpose.equity.waitinglist;

import java.util.List;

/**
 * An extract that cannot be analysed, with its problems (at most {@link #MAXIMUM_PROBLEMS} kept)
 * and how many there were in all. Nothing of it is stored but the problems.
 */
public final class ExtractRefusal extends RuntimeException {

  static final int MAXIMUM_PROBLEMS = 100;

  private final List<ExtractProblem> problems;
  private final long problemCount;

  ExtractRefusal(List<ExtractProblem> problems, long problemCount) {
    super(
        problemCount
            + (problemCount == 1 ? " problem" : " problems")
            + (problems.isEmpty() ? "" : "; the first: " + problems.get(0).text()),
        null,
        false,
        false);
    this.problems =
        List.copyOf(problems.size() > MAXIMUM_PROBLEMS ? problems.subList(0, 100) : problems);
    this.problemCount = Math.max(problemCount, this.problems.size());
  }

  static ExtractRefusal of(long line, String column, String message) {
    return new ExtractRefusal(List.of(new ExtractProblem(line, column, message)), 1);
  }

  public List<ExtractProblem> problems() {
    return problems;
  }

  public long problemCount() {
    return problemCount;
  }
}
