package org.fourthpurpose.question.plan;

import java.util.List;

/**
 * The relationship audits of a workspace in summary, for the plan: only aggregates that its
 * anonymity rules allow. One adapter over the audit part's API.
 */
public interface PartnerViews {

  /** The workspace's audits, newest first. */
  List<Plan.Audit> summaries(String icbCode);
}
