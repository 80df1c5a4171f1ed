package org.fourthpurpose.job;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a running {@link Job} may see of its run and tell about it: its id, progress, a message, and
 * whether someone asked it to stop.
 *
 * <pre>{@code
 * for (Batch batch : batches) {
 *   context.stopIfCancelled();
 *   store(batch);
 *   context.progress(stored += batch.size(), null);
 * }
 * }</pre>
 */
public final class JobContext {

  private final long id;
  private final Jobs jobs;
  final AtomicLong done = new AtomicLong();
  volatile Long total;
  volatile String message;
  volatile boolean cancelled;

  JobContext(long id, Jobs jobs) {
    this.id = id;
    this.jobs = jobs;
  }

  /** The run's id, as shown at {@code /jobs/{id}}. */
  public long id() {
    return id;
  }

  /**
   * Records how far the work has got; stored at most about once a second, and shown live to anyone
   * following the run.
   *
   * @param total how many units there are, or null when not known
   */
  public void progress(long done, Long total) {
    this.done.set(done);
    this.total = total;
    jobs.progressed(this);
  }

  /** Sets the message stored with the run: what it is doing now, or what it found. */
  public void message(String message) {
    // A message may quote a file's bytes; PostgreSQL cannot store NUL, and a run whose end cannot
    // be stored would stay RUNNING until the next start.
    this.message = message == null ? null : message.replace('\u0000', '\uFFFD');
  }

  /** Whether someone asked the run to stop. */
  public boolean cancelled() {
    return cancelled;
  }

  /**
   * Throws {@link JobCancelledException} if someone asked the run to stop; call it between units of
   * work.
   */
  public void stopIfCancelled() {
    if (cancelled) {
      throw new JobCancelledException();
    }
  }
}
