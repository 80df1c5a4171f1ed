/**
 * Confidence intervals and benchmarking for indicators, as OHID Fingertips and the R package
 * PHEindicatormethods compute them.
 *
 * <p>Every statistic here is a pure function named after its method ({@link
 * org.fourthpurpose.statistics.WilsonInterval}, {@link org.fourthpurpose.statistics.ByarsInterval},
 * {@link org.fourthpurpose.statistics.StudentTInterval}), with the distributions they need
 * implemented here to about 1e-12 relative accuracy, so results match R without a maths library.
 * Benchmarking ({@link org.fourthpurpose.statistics.FingertipsComparison}), quintiles ({@link
 * org.fourthpurpose.statistics.Quintiles}) and recent trends ({@link
 * org.fourthpurpose.statistics.RecentTrend}) follow the Fingertips rules stated on each type.
 * Statistical process control ({@link org.fourthpurpose.statistics.Spc}) draws Making Data Count
 * XmR charts exactly as NHSRplotthedots 0.2.x. Nothing in this package knows about the web, Spring
 * or a database.
 */
// Only the internal HTTP adapter (statistics.web) uses csv and web; the methods use nothing.
@ApplicationModule(allowedDependencies = {"csv", "web"})
package org.fourthpurpose.statistics;

import org.springframework.modulith.ApplicationModule;
