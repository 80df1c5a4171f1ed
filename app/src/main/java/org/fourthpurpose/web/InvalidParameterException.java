package org.fourthpurpose.web;

/**
 * A request parameter with a value the service cannot use; becomes a 400 problem response naming
 * it.
 */
public final class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
