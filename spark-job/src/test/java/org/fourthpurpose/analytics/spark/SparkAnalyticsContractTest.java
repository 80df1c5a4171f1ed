package org.fourthpurpose.analytics.spark;

import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.fourthpurpose.analytics.RecordLevelAnalyticsContract;

/**
 * The engine contract ({@link RecordLevelAnalyticsContract}) on Spark in {@code local[2]}: the same
 * files, the same refusals and the same aggregates (to 1e-9) as the DuckDB engine.
 */
class SparkAnalyticsContractTest extends RecordLevelAnalyticsContract {

  @Override
  protected RecordLevelAnalytics engine() {
    return new SparkRecordLevelAnalytics(SharedSpark.session());
  }
}
