package org.fourthpurpose.statistics.web;

/** A CSV with more data rows than one request may carry. */
class RequestTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RequestTooLargeException(String detail) {
    super(detail);
  }
}
