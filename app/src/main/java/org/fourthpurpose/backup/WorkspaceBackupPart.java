package org.fourthpurpose.backup;

/**
 * One feature's share of a workspace backup: its rows for one ICS, written as named sections of
 * entries and read back in the same order. Implemented by each feature that keeps workspace data
 * (in its own package, with its own SQL), so a backup never reads another feature's tables.
 *
 * <p>Entries carry the part's own ids (numbered 1, 2, … in a fixed order), never database keys, so
 * that a backup restores on any installation; references between entries use those ids and are
 * remapped to the new keys on restore. Values keep their types: text, whole numbers, decimals
 * written so they read back to the same {@code double}, timestamps as ISO-8601 with offset, dates,
 * and nulls.
 */
public interface WorkspaceBackupPart {

  /** The part's name in the document, e.g. {@code maturity}; lower case, stable across versions. */
  String name();

  /**
   * The version of this part's layout that {@link #write} produces. {@link #restore} reads every
   * version up to this one; a backup with a newer version is refused before anything changes.
   */
  int formatVersion();

  /**
   * Writes the workspace's data as sections ({@link BackupWriter#section}), streaming rows from the
   * database so that memory stays bounded however much there is. Runs inside a read-only
   * transaction.
   */
  void write(String icbCode, BackupWriter out);

  /**
   * Deletes all of the workspace's data of this part. Runs in the restore's transaction, before any
   * part restores; throws {@link org.fourthpurpose.web.ConflictException} if the data cannot be
   * replaced now (work in progress, say).
   */
  void clear(String icbCode);

  /**
   * Reads the sections {@link #write} wrote, in the same order, and stores them with new keys.
   * Checks each entry as the feature checks its own input, throwing the problem made by {@link
   * BackupEntry#problem} (which names the part, section, entry and field) so that the whole restore
   * rolls back.
   *
   * @param formatVersion the version the backup's part was written with (at most {@link
   *     #formatVersion()})
   */
  void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context);
}
