package org.fourthpurpose.account;

import org.fourthpurpose.job.JobVisibility;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may follow a job: people who may view its workspace, and for the platform's own work
 * (reference loads) platform administrators; cancelling needs the editor role.
 */
@Component
class WorkspaceJobVisibility implements JobVisibility {

  private final WorkspaceAccess access;

  WorkspaceJobVisibility(WorkspaceAccess access) {
    this.access = access;
  }

  @Override
  public void requireView(String owner) {
    if (owner == null) {
      requirePlatformAdmin();
    } else {
      access.requireView(owner);
    }
  }

  @Override
  public void requireCancel(String owner) {
    if (owner == null) {
      requirePlatformAdmin();
    } else {
      access.requireEdit(owner);
    }
  }

  private void requirePlatformAdmin() {
    Account account =
        access
            .currentAccount()
            .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
    if (!account.platformAdmin()) {
      throw new AccessDeniedException("Only platform administrators follow the platform's jobs");
    }
  }
}
