package org.fourthpurpose.equity.waitinglist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One analysis of a waiting-list extract as stored: where it is ({@code queued}, {@code running},
 * {@code done} or {@code failed}), what it read and who asked. Its tables, measures, findings and
 * problems are stored beside it.
 *
 * @param fileDeletedAt when the uploaded file was deleted (null while it is still being read)
 */
public record EquityAnalysis(
    long id,
    String icbCode,
    LocalDate censusDate,
    String fileName,
    UploadFormat format,
    String status,
    String message,
    long problemCount,
    Long jobId,
    String engine,
    Long rowsRead,
    boolean synthetic,
    boolean published,
    Instant fileDeletedAt,
    String createdBy,
    Instant createdAt,
    Instant finishedAt) {

  static final String QUEUED = "queued";
  static final String RUNNING = "running";
  static final String DONE = "done";
  static final String FAILED = "failed";

  public boolean done() {
    return DONE.equals(status);
  }

  public boolean failed() {
    return FAILED.equals(status);
  }

  public boolean finished() {
    return done() || failed();
  }

  /** The state in words for pages: never a state it is not in. */
  public String statusText() {
    return switch (status) {
      case QUEUED -> "Waiting to start";
      case RUNNING -> "Being analysed";
      case DONE -> "Analysed";
      default -> "Not analysed";
    };
  }
}
