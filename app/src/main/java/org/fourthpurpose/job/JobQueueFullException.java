package org.fourthpurpose.job;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Refusal of new work because every worker is busy and the queue is full; nothing was started.
 *
 * <p>It is an {@link ErrorResponseException}, so the web layer answers 503 Service Unavailable with
 * a {@code Retry-After} header (a problem JSON for the API, the error page for pages) without an
 * advice of its own.
 */
public final class JobQueueFullException extends ErrorResponseException {

  static final int RETRY_AFTER_SECONDS = 30;

  JobQueueFullException(String kind, int queued) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(kind, queued), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
  }

  private static ProblemDetail problem(String kind, int queued) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The server is busy with "
                + queued
                + " other pieces of work; try again in a minute ("
                + kind
                + " was not started)");
    problem.setTitle("The server is busy");
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
