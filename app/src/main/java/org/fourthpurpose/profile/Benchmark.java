package org.fourthpurpose.profile;

/** What an ICS's value is compared with. */
public enum Benchmark {
  ENGLAND,
  REGION,
  NEAREST_NEIGHBOURS,
  SAVED_GROUP
}
