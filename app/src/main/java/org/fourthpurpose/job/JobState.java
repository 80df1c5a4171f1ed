package org.fourthpurpose.job;

/** Where a job run is in its life: waiting, running, or ended one of three ways. */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** Whether the run has ended and will not change again. */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
