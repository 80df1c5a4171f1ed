package org.fourthpurpose.profile;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.IndicatorCache;
import org.fourthpurpose.indicator.IndicatorCharts;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.IndicatorTable;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.peergroup.PeerGroup;
import org.springframework.stereotype.Service;

/** Compares the members of a saved group theme by theme, from the cached indicator values. */
@Service
public class GroupComparisons {

  static final List<String> CSV_COLUMNS =
      List.of(
          "groupId",
          "group",
          "themeCode",
          "indicatorId",
          "indicator",
          "period",
          "areaCode",
          "areaName",
          "value",
          "lower95",
          "upper95",
          "comparisonWithEngland",
          "rank",
          "groupValue",
          "englandValue");

  private final IndicatorCache cache;
  private final Geography geography;

  GroupComparisons(IndicatorCache cache, Geography geography) {
    this.cache = cache;
    this.geography = geography;
  }

  public GroupComparison compare(PeerGroup group) {
    List<IntegratedCareBoard> members =
        group.memberIcbCodes().stream().map(c -> geography.icb(c).orElseThrow()).toList();
    List<IndicatorSeries> data = new ArrayList<>();
    cache.icbIndicators().forEach(i -> cache.data(i).ifPresent(data::add));
    List<GroupComparison.ThemeRows> themes = new ArrayList<>();
    for (Theme theme : cache.themes()) {
      List<GroupComparison.IndicatorRow> rows = new ArrayList<>();
      for (IndicatorSeries d : data) {
        if (d.indicator().themeCode().equals(theme.code())) {
          rows.add(row(d, members));
        }
      }
      if (!rows.isEmpty()) {
        boolean focus = theme.code().equals(group.themeCode());
        GroupComparison.ThemeRows t = new GroupComparison.ThemeRows(theme, focus, rows);
        if (focus) {
          themes.add(0, t);
        } else {
          themes.add(t);
        }
      }
    }
    return new GroupComparison(group, members, themes);
  }

  private static GroupComparison.IndicatorRow row(
      IndicatorSeries d, List<IntegratedCareBoard> members) {
    IndicatorTable table = d.latest();
    List<AreaComparison> withValues = table.rowsWithValues();
    List<GroupComparison.Cell> cells = new ArrayList<>();
    List<AreaValue> memberValues = new ArrayList<>();
    for (IntegratedCareBoard m : members) {
      AreaComparison a = d.row(m.code());
      d.icbValue(m.code(), table.period()).ifPresent(memberValues::add);
      Integer rank = IcsProfiles.rank(d.indicator(), withValues, a);
      cells.add(
          new GroupComparison.Cell(
              m.code(),
              a.value(),
              a.lower95(),
              a.upper95(),
              a.value() == null ? "No value" : ValueText.format(a.value()),
              a.band(),
              ValueText.comparisonText(a),
              a.comparison(),
              ProfileRow.rankText(d.indicator().polarity(), rank, withValues.size()),
              IndicatorCharts.key(d.indicator(), a.comparedByQuintile()).cssClass(a.band())));
    }
    BenchmarkValue combined = Combination.of(Benchmark.SAVED_GROUP, "Group", memberValues);
    return new GroupComparison.IndicatorRow(
        d.indicator(),
        table.period(),
        cells,
        combined.value(),
        combined.method(),
        table.englandValue());
  }

  public static CsvText csv(GroupComparison comparison) {
    CsvText csv = new CsvText().row(CSV_COLUMNS);
    for (GroupComparison.ThemeRows t : comparison.themes()) {
      for (GroupComparison.IndicatorRow r : t.rows()) {
        for (int i = 0; i < r.cells().size(); i++) {
          GroupComparison.Cell c = r.cells().get(i);
          csv.row(
              comparison.group().id(),
              comparison.group().name(),
              t.theme().code(),
              r.indicator().id(),
              r.indicator().title(),
              r.period(),
              c.areaCode(),
              comparison.members().get(i).shortName(),
              c.value(),
              c.lower95(),
              c.upper95(),
              c.comparisonCode(),
              c.rank(),
              r.groupValue(),
              r.englandValue());
        }
      }
    }
    return csv;
  }
}
