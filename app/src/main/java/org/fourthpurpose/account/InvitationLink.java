package org.fourthpurpose.account;

import java.time.Instant;

/** What an invitation link leads to, as the invited person sees it. */
public record InvitationLink(
    long id,
    String icbCode,
    String workspaceName,
    String email,
    WorkspaceRole role,
    Instant expiresAt,
    State state,
    boolean existingAccount) {

  InvitationLink withExistingAccount(boolean exists) {
    return new InvitationLink(id, icbCode, workspaceName, email, role, expiresAt, state, exists);
  }

  /** Whether the link can still be used, and if not, why. */
  public enum State {
    OPEN("This invitation can be accepted"),
    ACCEPTED("This invitation has already been accepted. Sign in to use the workspace."),
    WITHDRAWN("This invitation was withdrawn. Ask the workspace's administrator for a new one."),
    EXPIRED("This invitation has expired. Ask the workspace's administrator for a new one.");

    private final String explanation;

    State(String explanation) {
      this.explanation = explanation;
    }

    public String explanation() {
      return explanation;
    }
  }
}
