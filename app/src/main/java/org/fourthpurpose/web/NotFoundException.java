package org.fourthpurpose.web;

/**
 * Something asked for by code or id that does not exist; becomes a 404 (page or problem response).
 */
public final class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
