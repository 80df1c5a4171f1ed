package org.fourthpurpose.maturity;

import org.fourthpurpose.web.UserProblem;

/** One line of an NHS.UK error summary: the message and the id of the field it links to. */
public record PageError(String message, String anchor) {

  static PageError of(UserProblem problem) {
    String field = problem.field();
    String anchor;
    if (field == null) {
      anchor = "main-form";
    } else if (field.contains(".")) {
      // "acting-as-an-anchor.level" -> the input id "level-acting-as-an-anchor"
      int dot = field.lastIndexOf('.');
      anchor = field.substring(dot + 1) + "-" + field.substring(0, dot);
    } else {
      anchor = field;
    }
    return new PageError(problem.getMessage(), anchor);
  }
}
