package org.fourthpurpose.job;

/**
 * A piece of long-running work, run once by {@link Jobs}.
 *
 * <p>It reports progress and checks for cancellation through its {@link JobContext}. Returning
 * normally means it succeeded; throwing anything, even an {@link Error}, means it failed, and the
 * throwable's message is stored.
 */
@FunctionalInterface
public interface Job {

  void run(JobContext context) throws Exception;
}
