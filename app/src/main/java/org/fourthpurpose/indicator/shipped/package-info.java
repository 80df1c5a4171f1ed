/**
 * Loads the indicator values shipped with the product (ONS, OHID, MHCLG and NHS England files) as
 * one versioned reference dataset: districts rolled up to ICBs by the population in each part,
 * neighbourhood measures aggregated, NHS series mapped to today's ICBs. Internal to {@code
 * indicator}.
 */
package org.fourthpurpose.indicator.shipped;
