package org.fourthpurpose.analytics;

import java.util.List;

/**
 * The extract was refused as a whole: nothing was aggregated (all-or-nothing). Carries the first
 * {@link #MAX_PROBLEMS} problems, sorted by line and then by the order of {@link ExtractColumn},
 * and how many problems there were in all.
 */
public class ExtractRefused extends Exception {

  private static final long serialVersionUID = 1L;

  /** The most problems kept; {@link #totalProblems()} still counts them all. */
  public static final int MAX_PROBLEMS = 100;

  private final List<ExtractProblem> problems;
  private final long totalProblems;

  /**
   * @param problems the problems, at most {@link #MAX_PROBLEMS} of them (more are cut), not empty
   * @param totalProblems how many problems the file has in all, at least {@code problems.size()}
   */
  public ExtractRefused(List<ExtractProblem> problems, long totalProblems) {
    super(summary(problems, totalProblems));
    this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    this.totalProblems = Math.max(totalProblems, problems.size());
  }

  /** A refusal with one problem about the file as a whole (line 0). */
  public static ExtractRefused ofFile(String column, String message) {
    return new ExtractRefused(List.of(new ExtractProblem(0, column, message)), 1);
  }

  private static String summary(List<ExtractProblem> problems, long total) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refused extract has at least one problem");
    }
    long count = Math.max(total, problems.size());
    return "The extract was refused: "
        + (count == 1 ? "1 problem" : count + " problems")
        + ", the first "
        + problems.get(0);
  }

  /** The first problems, at most {@link #MAX_PROBLEMS}. */
  public List<ExtractProblem> problems() {
    return problems;
  }

  /** How many problems the file has in all. */
  public long totalProblems() {
    return totalProblems;
  }
}
