package org.fourthpurpose.web;

/**
 * The figures a handler needs are not loaded yet (or their first load failed), so it cannot answer
 * truthfully: pages say so and the API answers 503 with {@code Retry-After}.
 */
public final class StillLoadingException extends RuntimeException {

  /** Seconds a client should wait before asking again. */
  public static final int RETRY_AFTER_SECONDS = 10;

  private final boolean failed;

  StillLoadingException(String message, boolean failed) {
    super(message);
    this.failed = failed;
  }

  /** True when the first load failed, so waiting will not help until an administrator acts. */
  public boolean failed() {
    return failed;
  }
}
