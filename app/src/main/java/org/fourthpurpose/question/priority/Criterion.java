package org.fourthpurpose.question.priority;

import java.util.Arrays;
import java.util.Optional;

/**
 * A criterion a workspace ranks its questions on. Three are filled in from the product's own data
 * (need from the Step 1 profile, appetite from the relationship audit, leverage from the anchor
 * register); two are scored 1 to 5 by the workspace's members.
 */
public enum Criterion {
  NEED("need", "Evidence of need", false, 3),
  APPETITE("appetite", "Partner appetite", false, 2),
  LEVERAGE("leverage", "Leverage", false, 2),
  FEASIBILITY("feasibility", "Feasibility", true, 2),
  FIT("fit", "Fit with the integrated care strategy", true, 2);

  /** The largest weight a workspace may give. */
  public static final int MAX_WEIGHT = 10;

  private final String code;
  private final String label;
  private final boolean scoredByPeople;
  private final int defaultWeight;

  Criterion(String code, String label, boolean scoredByPeople, int defaultWeight) {
    this.code = code;
    this.label = label;
    this.scoredByPeople = scoredByPeople;
    this.defaultWeight = defaultWeight;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Scored 1 to 5 by people rather than filled in from data. */
  public boolean scoredByPeople() {
    return scoredByPeople;
  }

  public int defaultWeight() {
    return defaultWeight;
  }

  public static Optional<Criterion> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst();
  }
}
