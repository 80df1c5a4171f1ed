/**
 * The fourth purpose maturity framework and the assessments ICSs make against it.
 *
 * <p>Holds the framework as versioned data (after Cathy Elliott, "A framework for health and care
 * system leaders", NHS Confederation, 2022), assessment rounds in which several assessors rate each
 * area of focus, moderation to an agreed level, milestones to the next level, progress across
 * rounds, an anonymous benchmark across systems, and the board report. It owns the {@code
 * maturity_*} tables and reaches accounts and workspaces only through the account feature's API.
 * Every change (rounds, invitations, ratings, agreed levels, milestones, sharing, framework
 * versions) is recorded in the audit log ({@code MaturityAudit}).
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "audit",
      "backup",
      "chart",
      "csv",
      "geography",
      "statistics",
      "web"
    })
package org.fourthpurpose.maturity;

import org.springframework.modulith.ApplicationModule;
