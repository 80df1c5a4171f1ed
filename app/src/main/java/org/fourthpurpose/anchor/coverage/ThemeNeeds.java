package org.fourthpurpose.anchor.coverage;

import java.util.List;

/** One Step 1 theme of a system with each of its indicators' need, in the profile's order. */
public record ThemeNeeds(String themeCode, String title, List<IndicatorNeed> indicators) {

  public ThemeNeeds {
    indicators = List.copyOf(indicators);
  }

  public long inNeed() {
    return indicators.stream().filter(IndicatorNeed::inNeed).count();
  }
}
