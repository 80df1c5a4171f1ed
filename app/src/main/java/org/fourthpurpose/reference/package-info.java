/**
 * Reference data shipped with the product: versioned datasets that are checked, loaded on first
 * start and replaced whole when a new version ships. A dataset that is missing, truncated or
 * malformed stops start-up with the file, line and problem, and the database is left as it was.
 */
@ApplicationModule(allowedDependencies = {"csv", "job"})
package org.fourthpurpose.reference;

import org.springframework.modulith.ApplicationModule;
