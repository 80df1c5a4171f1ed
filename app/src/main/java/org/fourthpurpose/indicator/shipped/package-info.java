/**
 * Loads the indicator values shipped with the product (ONS, OHID, MHCLG, DfE, DESNZ, DfT, Ofcom and
 * NHS England files) as one versioned reference dataset: districts rolled up to ICBs by the rule
 * each indicator's {@code rollUp} names (population-weighted mean, ratio of sums, or sum, with a
 * coverage threshold), neighbourhood measures aggregated, NHS series mapped to today's ICBs; and
 * reads ONS's similar-areas lists for districts. Internal to {@code indicator}.
 */
package org.fourthpurpose.indicator.shipped;
