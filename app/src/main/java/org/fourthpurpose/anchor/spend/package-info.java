/**
 * Local spend ("keeping the pound local"): an analyst uploads one anchor organisation's supplier
 * spend for a year (CSV or Excel), each row located by an LSOA code, a district code, a latitude
 * and longitude (placed by point-in-polygon, {@link org.fourthpurpose.geography.LsoaLocator}) or,
 * where the deployment has the ONS postcode directory, a postcode. The file is checked and added up
 * as it streams ({@link org.fourthpurpose.anchor.spend.SpendAggregation}): the total, the amount
 * within the system's footprint and in each of its places, in England's most deprived 20% of
 * neighbourhoods (IMD 2025 deciles 1 and 2), unlocated spend, the largest suppliers and, where
 * flagged, spend with small firms and the voluntary sector. Only those aggregates are stored; the
 * rows never are, and a file with any problem stores nothing. Suppliers and unplaced lines stay in
 * the workspace; a published analysis shows its aggregates on the system's public page and API.
 *
 * <p>The method is the local multiplier idea behind CLES's community wealth building work (spend
 * with suppliers based in a place), described in the product's own words.
 */
package org.fourthpurpose.anchor.spend;
