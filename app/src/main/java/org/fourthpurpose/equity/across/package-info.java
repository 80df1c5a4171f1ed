/**
 * Across systems: any catalogue indicator, a deprivation summary measure, or the agreed maturity
 * level of the systems that publish theirs, set against another across England's 42 integrated care
 * systems, as a scatter chart with the least-squares line, Pearson's correlation with its 95%
 * interval ({@link org.fourthpurpose.statistics.Correlation}) and the systems far from the line
 * named; a table and a CSV give the same figures. It answers the <i>ICS Futures</i> observation
 * that systems' integration and outcomes follow their deprivation, so that a system can see where
 * it sits against what its deprivation would predict.
 */
package org.fourthpurpose.equity.across;
