package org.fourthpurpose.job;

import java.util.List;

/**
 * Published at start-up after the runs that a stopped process left queued or running were marked
 * failed, so that each owning module can end its own record of the work (an import, say) the same
 * way, without reading {@code job_run}.
 */
public record UnfinishedJobsFailed(List<JobRun> jobs) {

  /** The runs of one kind of work. */
  public List<JobRun> ofKind(String kind) {
    return jobs.stream().filter(j -> j.kind().equals(kind)).toList();
  }
}
