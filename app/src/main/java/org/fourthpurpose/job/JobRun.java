package org.fourthpurpose.job;

import java.time.Instant;

/**
 * One run of a job as stored, with its live progress while it runs.
 *
 * @param kind what sort of work it is, such as {@code indicator-import}
 * @param owner the ICS workspace the work belongs to, or null for the platform's own work
 * @param subject what the work is about, in the owning module's terms (an import's id), or null
 * @param done how many units of work are done so far
 * @param total how many units there are, or null when not known in advance
 * @param message what the work said last: its result, or why it failed
 */
public record JobRun(
    long id,
    String kind,
    String owner,
    String subject,
    JobState state,
    long done,
    Long total,
    String message,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public boolean finished() {
    return state.finished();
  }

  JobRun withProgress(JobState liveState, long liveDone, Long liveTotal, String liveMessage) {
    return new JobRun(
        id,
        kind,
        owner,
        subject,
        liveState,
        liveDone,
        liveTotal,
        liveMessage,
        createdAt,
        startedAt,
        finishedAt);
  }
}
