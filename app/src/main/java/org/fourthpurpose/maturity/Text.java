package org.fourthpurpose.maturity;

import org.fourthpurpose.web.InvalidInputException;

/** Checks free text typed into forms and API requests, at the boundary. */
final class Text {

  private Text() {}

  static String required(String field, String value, int maxLength, String whenMissing) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, whenMissing);
    }
    return optional(field, value, maxLength);
  }

  static String optional(String field, String value, int maxLength) {
    if (value == null) {
      return "";
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(
          field,
          trimmed.substring(0, 30) + "…",
          "The " + field + " must be " + maxLength + " characters or fewer.");
    }
    return trimmed;
  }
}
