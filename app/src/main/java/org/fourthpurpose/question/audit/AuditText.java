package org.fourthpurpose.question.audit;

import org.fourthpurpose.web.InvalidInputException;

/** Checks of the short texts an editor types: trimmed, not blank where required, bounded. */
final class AuditText {

  private AuditText() {}

  static String required(String field, String value, int max, String whenMissing) {
    String clean = optional(field, value, max);
    if (clean == null) {
      throw new InvalidInputException(field, whenMissing);
    }
    return clean;
  }

  static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = value.strip();
    if (clean.isEmpty()) {
      return null;
    }
    if (clean.codePointCount(0, clean.length()) > max) {
      throw new InvalidInputException(field, "Use at most " + max + " characters");
    }
    return clean;
  }
}
