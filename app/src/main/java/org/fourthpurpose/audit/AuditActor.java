package org.fourthpurpose.audit;

import java.util.Optional;

/**
 * Who is making the current request and what of the audit log they may read: implemented by the
 * feature that knows accounts and workspaces, which depends on this module (not the other way).
 */
public interface AuditActor {

  /**
   * The person making the current request, as the log names them (e.g. {@code "ada@example.org
   * (account 12)"}); empty outside a request and with no person, when the log says {@value
   * AuditLog#SYSTEM}.
   */
  Optional<String> currentActor();

  /**
   * Whether the person may read a workspace's entries: its ICS administrators and platform ones.
   */
  boolean mayRead(String icbCode);

  /** Whether the person may read every entry and check the chain: platform administrators. */
  boolean mayReadAll();
}
