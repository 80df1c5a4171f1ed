package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.IntervalChart;
import org.fourthpurpose.chart.TrendChart;

/**
 * One indicator on a theme page of an ICS profile: its row, its trend against the comparator, the
 * system beside its peers, and its districts where the indicator has district values.
 *
 * @param trend the periods drawn, oldest first, as shown in the trend table
 * @param peers the system and the comparator's members (or its nearest neighbours when the
 *     comparator is England), highest value first
 * @param districtMap null when the indicator has no district values
 */
public record IndicatorDetail(
    ProfileRow row,
    TrendChart trendChart,
    List<TrendRow> trend,
    IntervalChart peerChart,
    List<PeerRow> peers,
    String peerReference,
    DistrictMap districtMap) {

  /** One period of the trend table. */
  public record TrendRow(String period, String value, String interval, String comparator) {}

  /** One system in the peer comparison. */
  public record PeerRow(
      String odsCode,
      String name,
      String value,
      String interval,
      String comparison,
      boolean self) {}

  /** The system's districts shaded by how each compares with England. */
  public record DistrictMap(
      ChoroplethMap map, DataTable table, ColourScale key, String period, boolean byQuintile) {}
}
