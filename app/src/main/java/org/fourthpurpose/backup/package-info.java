/**
 * Backing up one ICS workspace's own data and restoring it, losslessly: a single JSON document
 * (gzip-compressed for download) with a header and one section per part of the workspace. Each
 * feature that keeps workspace data writes, clears and restores its own part through {@link
 * org.fourthpurpose.backup.WorkspaceBackupPart}, so nothing here reads another feature's tables; a
 * restore replaces all of a workspace's data in one transaction, or changes nothing.
 */
@ApplicationModule(allowedDependencies = {"audit", "geography", "web"})
package org.fourthpurpose.backup;

import org.springframework.modulith.ApplicationModule;
