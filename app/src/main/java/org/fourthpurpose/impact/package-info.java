/**
 * Measuring impact: a workspace's measures (linked to propositions, anchor commitments, maturity
 * milestones or catalogue indicators), their values, Making Data Count statistical process control
 * charts with variation and assurance icons, and the impact report. The top package is the API;
 * other modules (such as {@code question}) offer link targets through {@link
 * org.fourthpurpose.impact} interfaces rather than being called from here.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "anchor",
      "audit",
      "backup",
      "chart",
      "csv",
      "geography",
      "indicator",
      "indicator :: workbook",
      "job",
      "maturity",
      "profile",
      "reference",
      "statistics",
      "web"
    })
package org.fourthpurpose.impact;

import org.springframework.modulith.ApplicationModule;
