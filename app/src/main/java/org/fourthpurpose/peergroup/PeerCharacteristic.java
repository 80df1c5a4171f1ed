package org.fourthpurpose.peergroup;

import java.util.Locale;

/** The characteristics on which ICBs are compared to find their statistical nearest neighbours. */
public enum PeerCharacteristic {
  IMD_2025_SCORE("Deprivation: average IMD 2025 score"),
  LOG_POPULATION("Size: natural log of Census 2021 residents"),
  SHARE_UNDER_15("Age: share of residents aged under 15 (mid-2020)"),
  SHARE_65_AND_OVER("Age: share of residents aged 65 and over (mid-2020)"),
  SHARE_RURAL(
      "Rurality: share of residents living in neighbourhoods (LSOAs) classed as rural (Rural-Urban"
          + " Classification 2021)");

  private final String description;

  PeerCharacteristic(String description) {
    this.description = description;
  }

  /** The name stored and shown in downloads, e.g. {@code imd_2025_score}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
