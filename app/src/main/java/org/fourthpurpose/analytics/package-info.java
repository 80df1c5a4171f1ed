/**
 * Record-level analytics: the port ({@link org.fourthpurpose.analytics.RecordLevelAnalytics}) that
 * engines implement, the equity analyses defined once ({@link
 * org.fourthpurpose.analytics.EquityAnalyses}) and the synthetic extract generator ({@link
 * org.fourthpurpose.analytics.SyntheticWaitingList}), all in the plain-Java {@code analytics-core}
 * Maven module that the Spark job shares; and the embedded engine, {@code analytics.duckdb}.
 *
 * <p>An extract (one row per open pathway at a census date; {@link
 * org.fourthpurpose.analytics.ExtractColumn} lists the columns and their rules) goes to an engine,
 * which validates every row and returns only aggregates; {@link
 * org.fourthpurpose.analytics.EquityAnalyses#finish} turns them into disclosure-controlled tables.
 * Raw rows never leave the engine.
 */
@ApplicationModule(allowedDependencies = {"statistics"})
package org.fourthpurpose.analytics;

import org.springframework.modulith.ApplicationModule;
