package org.fourthpurpose.maturity;

/**
 * Whether an ICS adds its latest agreed levels to the benchmark, and whether it may be named there.
 * Naming implies sharing.
 */
public record SharingChoice(boolean shareLevels, boolean publishName) {

  public static SharingChoice of(boolean shareLevels, boolean publishName) {
    return new SharingChoice(shareLevels || publishName, publishName);
  }
}
