package org.fourthpurpose.question.plan;

import java.time.Instant;

/**
 * Whether a workspace's plan is public, and the snapshot the public sees.
 *
 * @param plan the plan as it was when published, or null when it is not public
 * @param publishedBy who published it (for the workspace's members only, never shown publicly)
 */
public record PlanPublication(
    String icbCode, boolean published, Plan plan, String publishedBy, Instant publishedAt) {

  static PlanPublication none(String icbCode) {
    return new PlanPublication(icbCode, false, null, null, null);
  }
}
