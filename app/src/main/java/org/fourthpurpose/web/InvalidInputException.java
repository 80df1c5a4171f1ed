package org.fourthpurpose.web;

/**
 * A value given in a form, a request parameter, a JSON body or an uploaded file that cannot be
 * used: missing, malformed, out of range or not one of the allowed values. Becomes a 400 naming the
 * field (and, for files, the line and column).
 */
public final class InvalidInputException extends UserProblem {

  /** A form field or JSON property with a value that cannot be used. */
  public InvalidInputException(String field, String message) {
    this(field, null, message);
  }

  /** A field and the value given for it. */
  public InvalidInputException(String field, String value, String message) {
    this("invalid-input", "Invalid input", field, value, message);
  }

  /**
   * The same, with a type and title that name the kind of input.
   *
   * @param type e.g. {@code unknown-area}
   * @param title e.g. "Unknown area of focus"
   */
  public InvalidInputException(
      String type, String title, String field, String value, String message) {
    super(type, title, field, value, null, message);
  }

  private InvalidInputException(String type, String title, Location location, String message) {
    super(type, title, null, null, location, message);
  }

  /** A query or path parameter with a value the service cannot use. */
  public static InvalidInputException parameter(String parameter, String message) {
    return new InvalidInputException(
        "invalid-parameter", "Invalid parameter", parameter, null, message);
  }

  /**
   * A problem in an uploaded file or request body at a line and column (any may be null).
   *
   * @param type e.g. {@code malformed-csv}
   * @param title e.g. "Malformed CSV"
   */
  public static InvalidInputException inFile(
      String type, String title, String file, Long line, Integer column, String message) {
    return new InvalidInputException(type, title, new Location(file, line, column), message);
  }

  @Override
  public int status() {
    return 400;
  }
}
