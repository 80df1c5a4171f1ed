/**
 * The English Indices of Deprivation (2025 on 2021 LSOAs, 2019 on 2011 LSOAs) and their summaries
 * for ICBs, sub-ICB locations and local authority districts, computed with the method of the
 * Indices' technical report.
 */
@ApplicationModule(allowedDependencies = {"csv", "geography", "reference", "web"})
package org.fourthpurpose.deprivation;

import org.springframework.modulith.ApplicationModule;
