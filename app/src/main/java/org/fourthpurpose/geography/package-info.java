/**
 * The geography of the NHS in England and the places within it: the 42 integrated care boards
 * (ICBs) and their sub-ICB locations, local authority districts, regions and Lower layer Super
 * Output Areas (LSOAs) with their rural-urban class, with boundaries for maps (every LSOA's
 * boundary loads in the background, projected once onto the British National Grid). Loaded from the
 * ONS lookups shipped as reference data.
 */
@ApplicationModule(allowedDependencies = {"csv", "reference", "web"})
package org.fourthpurpose.geography;

import org.springframework.modulith.ApplicationModule;
