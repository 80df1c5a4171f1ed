package org.fourthpurpose.question;

import java.util.List;
import java.util.Optional;

/**
 * A workspace's questions: those adopted from the bank (in the bank's or the workspace's own
 * wording) and those it wrote itself, with the priorities it agreed. The caller checks the person's
 * access to the workspace.
 */
public interface WorkspaceQuestions {

  /** The workspace's questions: agreed priorities first by rank, then by theme and id. */
  List<WorkspaceQuestion> list(String icbCode);

  Optional<WorkspaceQuestion> find(String icbCode, long id);
}
