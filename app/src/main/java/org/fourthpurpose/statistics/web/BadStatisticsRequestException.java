package org.fourthpurpose.statistics.web;

/**
 * A request the CSV API cannot serve as sent: an unknown method, a bad query parameter, or a body
 * without the columns it needs. Carries the line and column of the body where that applies.
 */
class BadStatisticsRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Long line;
  private final Integer column;

  BadStatisticsRequestException(String detail) {
    this(detail, null, null);
  }

  BadStatisticsRequestException(String detail, Long line, Integer column) {
    super(detail);
    this.line = line;
    this.column = column;
  }

  Long line() {
    return line;
  }

  Integer column() {
    return column;
  }
}
