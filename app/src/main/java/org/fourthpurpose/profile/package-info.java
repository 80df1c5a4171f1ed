/**
 * The ICS profile, Step 1's baseline for one system: every indicator by theme against England and a
 * chosen comparator (the region, the nearest neighbours or a saved group), with intervals, rank,
 * trend and a spine chart; a page per theme; a saved group's member-by-member comparison; and the
 * downloads (CSV, workbook, API) that carry the same figures.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "chart",
      "csv",
      "deprivation",
      "geography",
      "indicator",
      "peergroup",
      "reference",
      "statistics",
      "system",
      "web"
    })
package org.fourthpurpose.profile;

import org.springframework.modulith.ApplicationModule;
