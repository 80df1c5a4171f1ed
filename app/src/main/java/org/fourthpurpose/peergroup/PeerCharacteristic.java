package org.fourthpurpose.peergroup;

/** The characteristics on which ICBs are compared to find their statistical nearest neighbours. */
public enum PeerCharacteristic {
  IMD_2025_SCORE("imd2025_score", "Deprivation: average IMD 2025 score"),
  LOG_POPULATION("log_population", "Size: natural log of Census 2021 residents"),
  SHARE_UNDER_15("share_under_15", "Age: share of residents aged under 15 (mid-2020)"),
  SHARE_65_AND_OVER("share_65_and_over", "Age: share of residents aged 65 and over (mid-2020)"),
  SHARE_RURAL("share_rural", "Rurality: share of residents in districts classed as rural (2021)");

  private final String key;
  private final String description;

  PeerCharacteristic(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }
}
