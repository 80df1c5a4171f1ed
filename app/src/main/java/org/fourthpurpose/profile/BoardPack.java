package org.fourthpurpose.profile;

import java.time.LocalDate;
import java.util.List;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.indicator.Theme;

/**
 * An ICS's Step 1 board pack: its baseline on a few printable pages, from public data only: the
 * narrative summary, the map of its places, each theme's key indicators against England and the
 * chosen comparator, and the sources with their licences.
 *
 * @param produced the day the pack was made
 * @param dataAsAt when the indicator data were loaded, e.g. "30 November 2026 (indicators version
 *     2026.1)"
 * @param newestPeriod the most recent period of any indicator in the pack
 * @param places the map of the system's sub-ICB locations, as on its overview page
 */
public record BoardPack(
    IcsProfile profile,
    LocalDate produced,
    String dataAsAt,
    String newestPeriod,
    PlacesMap places,
    List<ThemeSection> themes,
    List<Source> sources) {

  public BoardPack {
    themes = List.copyOf(themes);
    sources = List.copyOf(sources);
  }

  /** The overview's map: places shaded by the share of residents in the most deprived 20%. */
  public record PlacesMap(ChoroplethMap map, ColourScale key, DataTable table) {}

  /**
   * One theme's key indicators (at most {@link BoardPacks#KEY_INDICATORS}), in catalogue order.
   *
   * @param found how many indicators the theme has with a value for the system
   */
  public record ThemeSection(Theme theme, List<ProfileRow> rows, int found, List<String> sources) {
    public ThemeSection {
      rows = List.copyOf(rows);
      sources = List.copyOf(sources);
    }
  }

  /** A source the pack draws on, with its licence and the attribution it asks for. */
  public record Source(String title, String publisher, String licence, String attribution) {}
}
