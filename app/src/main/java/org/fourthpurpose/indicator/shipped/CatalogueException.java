package org.fourthpurpose.indicator.shipped;

/** The shipped catalogue file is broken; the message names the theme or indicator and field. */
public final class CatalogueException extends RuntimeException {
  public CatalogueException(String message) {
    super(message);
  }
}
