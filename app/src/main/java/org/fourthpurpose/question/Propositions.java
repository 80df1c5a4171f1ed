package org.fourthpurpose.question;

import java.util.List;
import java.util.Optional;

/**
 * A workspace's testable propositions as the rest of the product reads them. The caller checks the
 * person's access to the workspace; a proposition of another workspace is never found.
 */
public interface Propositions {

  /** The workspace's propositions, newest first. */
  List<Proposition> propositions(String icbCode);

  Optional<Proposition> proposition(String icbCode, long id);

  /** The proposition's decision log, oldest first. */
  List<Decision> decisions(String icbCode, long id);
}
