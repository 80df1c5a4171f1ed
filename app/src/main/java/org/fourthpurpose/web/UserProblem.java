package org.fourthpurpose.web;

/**
 * A failure the person asking can put right: something they asked for does not exist, a value they
 * gave cannot be used, their change conflicts with the stored state, or what they sent is too
 * large. Features throw one of the four kinds; {@code PageExceptionHandler} shows it on an NHS.UK
 * error page and {@code ApiExceptionHandler} as RFC 9457 problem JSON naming the field, value,
 * file, line and column where they apply.
 */
public abstract sealed class UserProblem extends RuntimeException
    permits NotFoundException, InvalidInputException, ConflictException, PayloadTooLargeException {

  private final String type;
  private final String title;
  private final String field;
  private final String value;
  private final Location location;

  /** Where in an uploaded file the problem is: any part may be null when it is not known. */
  public record Location(String file, Long line, Integer column) {}

  UserProblem(
      String type, String title, String field, String value, Location location, String message) {
    super(message);
    this.type = type;
    this.title = title;
    this.field = field;
    this.value = value;
    this.location = location;
  }

  /** The HTTP status that fits: 404, 400, 409 or 413. */
  public abstract int status();

  /** A short title for the kind of problem, e.g. "Round closed". */
  public String title() {
    return title;
  }

  /** The form field, parameter or JSON property at fault, or null when it is not about one. */
  public String field() {
    return field;
  }

  /** The offending value as given, or null. */
  public String value() {
    return value;
  }

  /** Where in a file the problem is, or null when it is not about a file. */
  public Location location() {
    return location;
  }

  /**
   * The problem type: the last path segment of its URI, e.g. {@code round-closed}. Scripts may key
   * on it, so it never changes for a kind of problem.
   */
  public String type() {
    return type;
  }
}
