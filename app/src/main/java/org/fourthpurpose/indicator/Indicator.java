package org.fourthpurpose.indicator;

import java.util.List;

/**
 * One measure in the determinants catalogue, with everything needed to read it honestly: what it
 * counts, where it comes from and under which licence, which way is better, how its uncertainty is
 * shown and how it was put together for each level of geography.
 *
 * @param workspaceIcbCode null for public indicators; otherwise the ICS workspace that owns it
 */
public record Indicator(
    String id,
    String themeCode,
    String title,
    String definition,
    String source,
    String sourceUrl,
    String licence,
    String attribution,
    String unit,
    ValueType valueType,
    Polarity polarity,
    IntervalMethod intervalMethod,
    List<AreaLevel> geographyLevels,
    String timePeriods,
    String methodNote,
    Integer fingertipsId,
    boolean shipped,
    String workspaceIcbCode) {

  public Indicator {
    geographyLevels = List.copyOf(geographyLevels);
  }

  public boolean isPublic() {
    return workspaceIcbCode == null;
  }
}
