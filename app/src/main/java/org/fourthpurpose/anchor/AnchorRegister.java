package org.fourthpurpose.anchor;

import java.util.List;
import java.util.Optional;

/**
 * A workspace's anchor register as the rest of the product reads it: organisations, their anchor
 * strategies, commitments, progression levels and the history of commitment statuses. Reading a
 * workspace's organisations seeds its register from the shipped data the first time. The caller
 * checks the person's access to the workspace.
 */
public interface AnchorRegister {

  /** The workspace's organisations by name (the register is seeded first if it never was). */
  List<AnchorOrganisation> organisations(String icbCode);

  Optional<AnchorOrganisation> organisation(String icbCode, long id);

  List<AnchorStrategy> strategies(String icbCode);

  List<AnchorCommitment> commitments(String icbCode);

  List<Progression> progressions(String icbCode);

  /** Every status change of the workspace's commitments, oldest first. */
  List<StatusChange> statusChanges(String icbCode);
}
