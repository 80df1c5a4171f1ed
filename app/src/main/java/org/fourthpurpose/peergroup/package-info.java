/**
 * The systems an ICS compares itself with: its five statistical nearest neighbours (worked out from
 * deprivation, size, age and rurality when the shipped data changes) and the geographic or thematic
 * groups a workspace saves and may publish. The profile turns them into comparator values. Saving,
 * publishing and deleting a group is recorded in the audit log.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "audit",
      "backup",
      "geography",
      "indicator",
      "reference",
      "web"
    })
package org.fourthpurpose.peergroup;

import org.springframework.modulith.ApplicationModule;
