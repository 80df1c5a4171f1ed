package org.fourthpurpose.web;

/**
 * Something asked for by code or id that does not exist, or that the person asking may not see;
 * becomes a 404 page or problem response.
 */
public final class NotFoundException extends UserProblem {

  public NotFoundException(String message) {
    this(null, null, message);
  }

  /** Names the parameter or field that held the unknown identifier, and the identifier. */
  public NotFoundException(String field, String value, String message) {
    super("not-found", "Not found", field, value, null, message);
  }

  @Override
  public int status() {
    return 404;
  }
}
