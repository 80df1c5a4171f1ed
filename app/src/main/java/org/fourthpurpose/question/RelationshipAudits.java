package org.fourthpurpose.question;

import java.util.List;

/**
 * The relationship audits of a workspace, for the fourth-purpose plan: each audit's title, status,
 * respondents (never fewer than 5 shown) and the link to its results. The caller checks the
 * person's access to the workspace.
 */
public interface RelationshipAudits {

  /** The workspace's audits, newest first. */
  List<AuditSummary> forWorkspace(String icbCode);
}
