/**
 * Step 2 of the framing tool: the question bank (transactional questions reframed as
 * transformational ones), a workspace's adopted and own questions, their prioritisation by several
 * people, testable propositions with partners, policy levers and funding programmes, the
 * relationship audit of what partners think of working with the NHS, and the fourth-purpose plan.
 * The top package is the API; {@code bank}, {@code priority}, {@code audit}, {@code proposition}
 * and {@code plan} are internal.
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
      "impact",
      "indicator",
      "job",
      "maturity",
      "peergroup",
      "profile",
      "reference",
      "statistics",
      "web"
    })
package org.fourthpurpose.question;

import org.springframework.modulith.ApplicationModule;
