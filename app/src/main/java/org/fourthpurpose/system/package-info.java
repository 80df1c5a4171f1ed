/**
 * The public face of each integrated care system: the home page with the map of the 42 systems, an
 * overview page per system (its places, how deprived its population is, and the map of its
 * neighbourhoods by deprivation domain or rurality, which theme pages include too), and the England
 * table of all 42.
 */
@ApplicationModule(
    allowedDependencies = {"chart", "csv", "deprivation", "geography", "reference", "web"})
package org.fourthpurpose.system;

import org.springframework.modulith.ApplicationModule;
