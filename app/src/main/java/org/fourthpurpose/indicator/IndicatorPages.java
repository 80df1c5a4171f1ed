package org.fourthpurpose.indicator;

import java.util.List;

/**
 * What an indicator's page shows and the profile's theme pages show too: table rows in words, the
 * systems' shapes on a map, and the map key.
 */
public final class IndicatorPages {

  private IndicatorPages() {}

  /** An ICB's shape on the map, shaded by its band, named for tooltips and screen readers. */
  public record MapArea(String path, int band, String name, String href) {}

  /** A table row as shown: the value, its 95% interval and the comparison in words. */
  public record Row(AreaComparison area, String value, String interval, String comparison) {
    public static Row of(AreaComparison r) {
      return new Row(
          r,
          r.value() == null ? "No value" : ValueText.format(r.value()),
          r.lower95() == null
              ? ""
              : ValueText.format(r.lower95()) + " to " + ValueText.format(r.upper95()),
          ValueText.comparisonText(r));
    }
  }

  /** The map key's labels for bands 1 to 5, in words. */
  public static List<String> key(Indicator indicator, IndicatorTable table) {
    boolean quintiles = table.rows().stream().anyMatch(AreaComparison::comparedByQuintile);
    if (quintiles) {
      return List.of(
          "Quintile 1 (lowest values)",
          "Quintile 2",
          "Quintile 3",
          "Quintile 4",
          "Quintile 5 (highest values)");
    }
    if (indicator.polarity() == Polarity.NEITHER) {
      return List.of("", "Lower than England", "Similar to England", "Higher than England", "");
    }
    return List.of("Worse than England", "", "Similar to England", "", "Better than England");
  }
}
