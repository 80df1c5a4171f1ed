package org.fourthpurpose.web;

/**
 * A change that conflicts with what is stored: someone else saved a newer version, the record is
 * closed or submitted, or one with the same name exists. Becomes a 409; reloading and trying again,
 * or choosing another name, puts it right.
 */
public final class ConflictException extends UserProblem {

  /**
   * @param type the kind of conflict, e.g. {@code round-closed}
   * @param title the same in words, e.g. "Round closed"
   */
  public ConflictException(String type, String title, String field, String value, String message) {
    super(type, title, field, value, null, message);
  }

  @Override
  public int status() {
    return 409;
  }
}
