/**
 * Long-running work: imports now, reference loads and record-level analyses next. {@link
 * org.fourthpurpose.job.Jobs} runs each piece of work on a small bounded pool, refusing new work
 * with {@link org.fourthpurpose.job.JobQueueFullException} when the queue is full, and keeps a
 * stored status per run in {@code job_run} (state, progress, message, times) that survives a
 * restart: a run that was queued or running when the process stopped is marked failed at the next
 * start, and {@link org.fourthpurpose.job.UnfinishedJobsFailed} tells the module that owned it.
 * People follow a run at {@code /jobs/{id}} and {@code /api/v1/jobs/{id}} if they may see its
 * workspace ({@link org.fourthpurpose.job.JobVisibility}).
 */
@ApplicationModule(allowedDependencies = {})
package org.fourthpurpose.job;

import org.springframework.modulith.ApplicationModule;
