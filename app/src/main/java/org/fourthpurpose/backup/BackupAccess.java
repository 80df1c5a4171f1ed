package org.fourthpurpose.backup;

/**
 * Who may back up and restore a workspace: implemented by the feature that knows accounts and
 * roles, so that this module does not depend on it (it implements a backup part itself).
 */
public interface BackupAccess {

  /**
   * Returns if the person making the current request may back up and restore the workspace (its ICS
   * administrators and platform administrators); otherwise throws the exception that answers 401 or
   * 403.
   */
  void requireAdminister(String icbCode);
}
