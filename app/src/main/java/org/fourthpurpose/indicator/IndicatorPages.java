package org.fourthpurpose.indicator;

/**
 * What an indicator's page shows and the profile's theme pages show too: table rows in words. The
 * charts and map they share are {@link IndicatorCharts}.
 */
public final class IndicatorPages {

  private IndicatorPages() {}

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
}
