package org.fourthpurpose.account;

/**
 * A request about accounts that cannot be done as asked; the message says why, in the user's words.
 */
public final class AccountException extends RuntimeException {

  private final String field;

  public AccountException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field the problem is about, or null. */
  public String field() {
    return field;
  }
}
