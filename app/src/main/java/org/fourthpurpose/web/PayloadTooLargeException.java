package org.fourthpurpose.web;

/** A request body or upload over one of the service's limits; becomes a 413 naming the limit. */
public final class PayloadTooLargeException extends UserProblem {

  /**
   * @param type the limit reached, e.g. {@code too-many-rows}
   * @param title the same in words, e.g. "Too many rows"
   */
  public PayloadTooLargeException(String type, String title, String message) {
    super(type, title, null, null, null, message);
  }

  @Override
  public int status() {
    return 413;
  }
}
