package org.fourthpurpose.job;

/**
 * Who may follow a job: implemented by the module that knows accounts and workspaces, so that this
 * module does not depend on it (accounts already depend, through reference data, on jobs).
 */
public interface JobVisibility {

  /**
   * Returns if the person making the current request may see runs owned by {@code owner} (an ICS
   * workspace code, or null for the platform's own work); otherwise throws the exception that
   * answers 401 or 403.
   */
  void requireView(String owner);

  /** As {@link #requireView}, for cancelling runs owned by {@code owner}. */
  void requireCancel(String owner);
}
