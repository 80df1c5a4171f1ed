package org.fourthpurpose.job;

/**
 * Thrown by {@link JobContext#stopIfCancelled()} to end a job that someone cancelled; the run is
 * then stored as {@link JobState#CANCELLED}.
 */
public final class JobCancelledException extends RuntimeException {

  JobCancelledException() {
    super("the job was cancelled", null, false, false);
  }
}
