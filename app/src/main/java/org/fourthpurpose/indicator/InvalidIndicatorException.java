package org.fourthpurpose.indicator;

/** An indicator an administrator tried to add is not valid; names the field to correct. */
public final class InvalidIndicatorException extends RuntimeException {

  private final String field;

  public InvalidIndicatorException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
