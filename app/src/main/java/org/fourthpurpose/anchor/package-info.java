/**
 * Anchor institutions: each ICS workspace's register of the organisations that anchor its places
 * (the ICB, NHS trusts, councils, universities, colleges, the voluntary sector, employers), their
 * anchor strategies and commitments against Step 1's themes, a progression level per pillar, local
 * spend and the connected anchor system. The top package is the API ({@link
 * org.fourthpurpose.anchor.AnchorRegister}, its records and {@link
 * org.fourthpurpose.anchor.CommitmentsChanged}); {@code register} and {@code commitment} keep the
 * register, {@code spend}, {@code coverage}, {@code network} and {@code sharing} build on it.
 *
 * <p>The pillars follow the Health Foundation's anchor domains (workforce, procurement, estates,
 * environment, partner in place), described in the product's own words.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "audit",
      "backup",
      "chart",
      "csv",
      "deprivation",
      "geography",
      "indicator",
      "indicator :: workbook",
      "job",
      "peergroup",
      "profile",
      "reference",
      "statistics",
      "web"
    })
package org.fourthpurpose.anchor;

import org.springframework.modulith.ApplicationModule;
