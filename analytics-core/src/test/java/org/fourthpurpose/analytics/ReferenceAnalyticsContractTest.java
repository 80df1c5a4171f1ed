package org.fourthpurpose.analytics;

/** The plain-Java reference keeps the contract it is used to check, on the hand-worked files. */
class ReferenceAnalyticsContractTest extends RecordLevelAnalyticsContract {

  @Override
  protected RecordLevelAnalytics engine() {
    return new ReferenceAnalytics();
  }
}
