package org.fourthpurpose.maturity;

/**
 * A failure the user can put right. The web layer shows it in an NHS.UK error summary on pages and
 * as RFC 9457 problem JSON on the API; the status says which HTTP status fits.
 */
public abstract class MaturityProblem extends RuntimeException {

  private final int status;
  private final String field;
  private final String value;

  protected MaturityProblem(int status, String field, String value, String message) {
    super(message);
    this.status = status;
    this.field = field;
    this.value = value;
  }

  public int status() {
    return status;
  }

  /** The form field or JSON property at fault, or null when it is not about one field. */
  public String field() {
    return field;
  }

  /** The offending value as given, or null. */
  public String value() {
    return value;
  }

  /** A short title for the kind of problem, e.g. "Unknown area of focus". */
  public abstract String title();
}
