package org.fourthpurpose.geography;

import java.util.Locale;

/** The kinds of area the product reports on, with the names used in the API. */
public enum AreaType {
  ICB("icb"),
  SUB_ICB("subicb"),
  LAD("lad"),
  REGION("region");

  private final String apiName;

  AreaType(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** Parses an API name such as {@code icb}; returns null when unknown. */
  public static AreaType fromApiName(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (AreaType type : values()) {
      if (type.apiName.equals(lower)) {
        return type;
      }
    }
    return null;
  }
}
