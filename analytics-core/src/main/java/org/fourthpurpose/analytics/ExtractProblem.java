package org.fourthpurpose.analytics;

import java.util.Objects;

/**
 * One reason an extract was refused, where it is in the file.
 *
 * @param line the line in the file: 1 is the header, data row n is line n + 1; 0 when the problem
 *     is the file as a whole (it cannot be read, or a required column is missing)
 * @param column the column as the file names it: the header {@link ExtractSource#header} looks for
 *     (the mapped header, else the canonical name), also when that column is missing; empty when
 *     the problem concerns no column
 * @param message a sentence saying what is wrong and what was found, e.g. {@code "'E0100001' is not
 *     a 2021 or 2011 LSOA code in the lookup"}; values are quoted and cut to 40 characters
 */
public record ExtractProblem(long line, String column, String message) {

  public ExtractProblem {
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative, was " + line);
    }
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
  }

  /** {@code "line 3, column age: …"}, or without the parts that do not apply. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (line > 0) {
      text.append("line ").append(line);
    }
    if (!column.isEmpty()) {
      text.append(text.isEmpty() ? "column " : ", column ").append(column);
    }
    return text.isEmpty() ? message : text + ": " + message;
  }
}
