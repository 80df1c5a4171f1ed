package org.fourthpurpose.account;

import org.fourthpurpose.backup.BackupAccess;
import org.springframework.stereotype.Component;

/** Backups are for the workspace's ICS administrators and for platform administrators. */
@Component
class WorkspaceBackupAccess implements BackupAccess {

  private final WorkspaceAccess access;

  WorkspaceBackupAccess(WorkspaceAccess access) {
    this.access = access;
  }

  @Override
  public void requireAdminister(String icbCode) {
    access.requireAdminister(icbCode);
  }
}
