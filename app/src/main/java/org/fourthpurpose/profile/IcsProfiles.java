package org.fourthpurpose.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.chart.TrendChart;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCache;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.IndicatorTable;
import org.fourthpurpose.indicator.IndicatorValues;
import org.fourthpurpose.indicator.LocalIndicatorValues;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.peergroup.Neighbour;
import org.fourthpurpose.peergroup.PeerCharacteristic;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.profile.IcsProfile.SummarySentence;
import org.fourthpurpose.statistics.ConfidenceInterval;
import org.fourthpurpose.statistics.ConfidenceLevel;
import org.fourthpurpose.statistics.FingertipsComparison;
import org.fourthpurpose.statistics.Significance;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Builds ICS profiles: each public indicator's latest value, and each of the system's own local
 * indicators' that the person may see ({@link LocalIndicatorValues}), compared with England and
 * with a chosen comparator (the region, the nearest neighbours or a saved group), its recent trend,
 * rank and spine, and the summary sentences a board member reads.
 *
 * <p>Comparator values: England and regions as published (or rolled up from districts); where a
 * region has no value its ICBs are combined. Neighbours and saved groups combine their members
 * other than the system itself, by {@link Combination}. The system's value is compared with the
 * comparator's by Fingertips' interval method at 95%, as with England; an indicator without
 * intervals is not tested against a comparator.
 */
@Service
public class IcsProfiles {

  private final IndicatorCache cache;
  private final Geography geography;
  private final PeerGroups peers;
  private final LocalIndicatorValues local;

  IcsProfiles(
      IndicatorCache cache, Geography geography, PeerGroups peers, LocalIndicatorValues local) {
    this.cache = cache;
    this.geography = geography;
    this.peers = peers;
    this.local = local;
  }

  /**
   * The series a profile of this ICB shows: the national indicators with ICB values, then the
   * system's own local indicators that the person asking may see.
   */
  private List<IndicatorSeries> series(IntegratedCareBoard icb) {
    List<IndicatorSeries> data = new ArrayList<>();
    for (Indicator indicator : cache.icbIndicators()) {
      cache.data(indicator).ifPresent(data::add);
    }
    data.addAll(local.visibleSeries(icb.code()));
    return data;
  }

  /** The ICBs a comparator is made from, and its label; the caller has checked the group. */
  record Comparison(
      ComparatorChoice choice, String label, List<String> members, boolean includesSelf) {}

  /**
   * Resolves a comparator for an ICB.
   *
   * @param group the saved group for a group comparator (already checked as visible)
   */
  public Comparison comparison(IntegratedCareBoard icb, ComparatorChoice choice, PeerGroup group) {
    return switch (choice.benchmark()) {
      case ENGLAND -> new Comparison(choice, "England", List.of(), true);
      case REGION -> {
        List<String> members =
            geography.icbs().stream()
                .filter(i -> i.regionCode().equals(icb.regionCode()))
                .map(IntegratedCareBoard::code)
                .toList();
        yield new Comparison(
            choice,
            geography.region(icb.regionCode()).map(r -> r.name()).orElse(icb.regionCode()),
            members,
            true);
      }
      case NEAREST_NEIGHBOURS ->
          new Comparison(
              choice,
              "nearest neighbours",
              peers.nearestNeighbours(icb.code()).stream().map(Neighbour::icbCode).toList(),
              false);
      case SAVED_GROUP -> {
        if (group == null) {
          throw InvalidInputException.parameter("comparator", "no such group");
        }
        yield new Comparison(
            choice,
            group.name(),
            group.memberIcbCodes().stream().filter(c -> !c.equals(icb.code())).toList(),
            false);
      }
    };
  }

  /** The whole profile of an ICB against a comparator. */
  public IcsProfile profile(IntegratedCareBoard icb, ComparatorChoice choice, PeerGroup group) {
    Comparison comparison = comparison(icb, choice, group);
    List<ThemeProfile> themes = new ArrayList<>();
    List<IndicatorSeries> data = series(icb);
    List<SummaryPoints.Evidence> evidence = new ArrayList<>();
    for (Theme theme : cache.themes()) {
      List<ProfileRow> rows = new ArrayList<>();
      for (IndicatorSeries d : data) {
        if (d.indicator().themeCode().equals(theme.code())) {
          ProfileRow row = row(d, icb, comparison);
          rows.add(row);
          evidence.add(
              SummaryPoints.Evidence.of(
                  row,
                  d.latest().rows().stream().map(AreaComparison::value).toList(),
                  d.series(icb.code())));
        }
      }
      if (!rows.isEmpty()) {
        themes.add(new ThemeProfile(theme, rows));
      }
    }
    return new IcsProfile(
        icb,
        choice,
        comparison.label(),
        comparison.members().stream().map(c -> geography.icb(c).orElseThrow()).toList(),
        method(comparison),
        themes,
        summary(icb, comparison, themes),
        SummaryPoints.headings(
            icb.shortName(),
            comparison.choice().isEngland() ? null : comparison.label(),
            evidence));
  }

  /** What each row of a profile is ranked on in summaries and the board pack, theme by theme. */
  List<SummaryPoints.Evidence> evidence(IcsProfile profile) {
    List<SummaryPoints.Evidence> evidence = new ArrayList<>();
    for (ProfileRow row : profile.rows()) {
      cache
          .data(row.indicator())
          .ifPresent(
              d ->
                  evidence.add(
                      SummaryPoints.Evidence.of(
                          row,
                          d.latest().rows().stream().map(AreaComparison::value).toList(),
                          d.series(profile.icb().code()))));
    }
    return evidence;
  }

  /** The ICB's five nearest neighbours' codes, nearest first. */
  List<String> neighbourCodes(IntegratedCareBoard icb) {
    return peers.nearestNeighbours(icb.code()).stream().map(Neighbour::icbCode).toList();
  }

  /**
   * Every period of an ICB's series of one indicator, oldest first, with its 95% interval (as the
   * indicator's method gives it) and the comparator's value in the same period.
   */
  List<TrendChart.Period> trend(IndicatorSeries d, IntegratedCareBoard icb, Comparison comparison) {
    List<TrendChart.Period> periods = new ArrayList<>();
    for (AreaValue v : d.series(icb.code())) {
      double[] ci = IndicatorValues.intervals(d.indicator(), v);
      periods.add(
          new TrendChart.Period(
              v.period().label(),
              v.value(),
              ci == null ? null : ci[0],
              ci == null ? null : ci[1],
              comparatorValue(d, icb, comparison, v.period().label()).value()));
    }
    return periods;
  }

  /** The trends behind a profile's charts, for download: every indicator's series by period. */
  List<TrendRow> trends(IntegratedCareBoard icb, ComparatorChoice choice, PeerGroup group) {
    Comparison comparison = comparison(icb, choice, group);
    List<TrendRow> rows = new ArrayList<>();
    for (IndicatorSeries d : series(icb)) {
      for (TrendChart.Period p : trend(d, icb, comparison)) {
        rows.add(new TrendRow(d.indicator(), p));
      }
    }
    return rows;
  }

  /** One period of one indicator's trend. */
  record TrendRow(Indicator indicator, TrendChart.Period period) {}

  /** The characteristics nearest neighbours are found from: value and z-score. */
  java.util.Map<PeerCharacteristic, double[]> characteristics(IntegratedCareBoard icb) {
    return peers.characteristics(icb.code());
  }

  /** The cached values of one indicator, for charts. */
  public Optional<IndicatorSeries> data(Indicator indicator) {
    if (!indicator.isPublic()) {
      return local.visibleSeries(indicator.workspaceIcbCode()).stream()
          .filter(d -> d.indicator().id().equals(indicator.id()))
          .findFirst();
    }
    return cache.data(indicator);
  }

  Optional<IndicatorTable> latestDistricts(Indicator indicator) {
    // A local indicator's district values are on its workspace page, not mapped here.
    return indicator.isPublic() ? cache.latestDistricts(indicator) : Optional.empty();
  }

  /** The comparator's value for one period of an indicator. */
  public BenchmarkValue comparatorValue(
      IndicatorSeries d, IntegratedCareBoard icb, Comparison comparison, String period) {
    return switch (comparison.choice().benchmark()) {
      case ENGLAND ->
          new BenchmarkValue(
              Benchmark.ENGLAND,
              "England",
              d.englandValue(period).map(AreaValue::value).orElse(null),
              List.of(),
              "England value as published or rolled up");
      case REGION -> {
        Optional<AreaValue> published = d.regionValue(icb.regionCode(), period);
        yield published.isPresent()
            ? new BenchmarkValue(
                Benchmark.REGION,
                comparison.label(),
                published.get().value(),
                List.of(),
                "Region value as published or rolled up")
            : combined(d, comparison, period);
      }
      default -> combined(d, comparison, period);
    };
  }

  private BenchmarkValue combined(IndicatorSeries d, Comparison comparison, String period) {
    List<AreaValue> values = new ArrayList<>();
    for (String member : comparison.members()) {
      d.icbValue(member, period).ifPresent(values::add);
    }
    return Combination.of(comparison.choice().benchmark(), comparison.label(), values);
  }

  ProfileRow row(IndicatorSeries d, IntegratedCareBoard icb, Comparison comparison) {
    Indicator indicator = d.indicator();
    IndicatorTable table = d.latest();
    AreaComparison area = d.row(icb.code());
    BenchmarkValue comparator = comparatorValue(d, icb, comparison, table.period());
    Significance significance = null;
    if (comparison.choice().isEngland()) {
      if (!area.comparedByQuintile() && area.comparison() != null) {
        significance = Significance.valueOf(area.comparison().toUpperCase(java.util.Locale.ROOT));
      }
    } else {
      significance = significance(area, comparator.value(), indicator.polarity());
    }
    List<AreaComparison> withValues = table.rowsWithValues();
    return new ProfileRow(
        indicator,
        area,
        table.englandValue(),
        comparator,
        significance,
        IndicatorValues.recentTrend(indicator, d.series(icb.code())),
        // One system's own imported value ranks first of one: no rank says more.
        indicator.isPublic() || withValues.size() > 1 ? rank(indicator, withValues, area) : null,
        withValues.size(),
        Spine.of(
            table.rows().stream().map(AreaComparison::value).toList(),
            table.englandValue(),
            area.value(),
            indicator.polarity()));
  }

  static Significance significance(AreaComparison area, Double comparator, Polarity polarity) {
    if (comparator == null || area.value() == null || area.lower95() == null) {
      return null;
    }
    try {
      return FingertipsComparison.compare(
              area.value(),
              new ConfidenceInterval(area.lower95(), area.upper95(), ConfidenceLevel.NINETY_FIVE),
              new ConfidenceInterval(
                  area.lower998(), area.upper998(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT),
              comparator,
              IndicatorValues.statisticsPolarity(polarity))
          .significance95();
    } catch (IllegalArgumentException inconsistent) {
      return null;
    }
  }

  /** Competition rank: 1 for the best (or highest, without polarity); ties share a rank. */
  static Integer rank(Indicator indicator, List<AreaComparison> withValues, AreaComparison area) {
    if (area.value() == null) {
      return null;
    }
    boolean lowerFirst = indicator.polarity() == Polarity.LOWER_IS_BETTER;
    int ahead = 0;
    for (AreaComparison other : withValues) {
      if (lowerFirst ? other.value() < area.value() : other.value() > area.value()) {
        ahead++;
      }
    }
    return ahead + 1;
  }

  private static String method(Comparison comparison) {
    return switch (comparison.choice().benchmark()) {
      case ENGLAND -> "England's value as published, or rolled up from districts.";
      case REGION ->
          "The region's value as published, or rolled up from districts; where there is none, the"
              + " region's ICBs combined (numerators over denominators where all have counts,"
              + " otherwise the average of their values).";
      case NEAREST_NEIGHBOURS ->
          "The five statistically most similar ICBs combined (numerators over denominators where"
              + " all have counts, otherwise the average of their values).";
      case SAVED_GROUP ->
          "The group's other members combined (numerators over denominators where all have"
              + " counts, otherwise the average of their values).";
    };
  }

  private static List<SummarySentence> summary(
      IntegratedCareBoard icb, Comparison comparison, List<ThemeProfile> themes) {
    List<ProfileRow> rows = themes.stream().flatMap(t -> t.rows().stream()).toList();
    String name = icb.shortName();
    List<SummarySentence> sentences = new ArrayList<>();
    List<ProfileRow> better = rows.stream().filter(ProfileRow::better).toList();
    List<ProfileRow> worse = rows.stream().filter(ProfileRow::worse).toList();
    sentences.add(
        better.isEmpty()
            ? new SummarySentence(
                "strengths",
                name
                    + " is not significantly better than England on any indicator with a"
                    + " confidence interval.",
                List.of())
            : new SummarySentence(
                "strengths",
                name
                    + " is significantly better than England (95% confidence) on "
                    + count(better.size())
                    + ":",
                better));
    sentences.add(
        worse.isEmpty()
            ? new SummarySentence(
                "needs",
                name
                    + " is not significantly worse than England on any indicator with a"
                    + " confidence interval.",
                List.of())
            : new SummarySentence(
                "needs",
                name
                    + " is significantly worse than England (95% confidence) on "
                    + count(worse.size())
                    + ":",
                worse));
    if (!comparison.choice().isEngland()) {
      String label = comparison.label();
      List<ProfileRow> aboveComparator =
          rows.stream().filter(ProfileRow::betterThanComparator).toList();
      List<ProfileRow> belowComparator =
          rows.stream().filter(ProfileRow::worseThanComparator).toList();
      sentences.add(
          new SummarySentence(
              "better-than-comparator",
              aboveComparator.isEmpty()
                  ? "Against " + label + ", it is not significantly better on any indicator."
                  : "Against "
                      + label
                      + ", it is significantly better on "
                      + count(aboveComparator.size())
                      + ":",
              aboveComparator));
      sentences.add(
          new SummarySentence(
              "worse-than-comparator",
              belowComparator.isEmpty()
                  ? "Against " + label + ", it is not significantly worse on any indicator."
                  : "Against "
                      + label
                      + ", it is significantly worse on "
                      + count(belowComparator.size())
                      + ":",
              belowComparator));
    }
    List<ProfileRow> bestFifth = rows.stream().filter(ProfileRow::bestFifth).toList();
    if (!bestFifth.isEmpty()) {
      sentences.add(
          new SummarySentence(
              "best-fifth",
              "Among the 42 systems, it is in the best fifth on "
                  + count(bestFifth.size())
                  + " compared by rank (no confidence interval):",
              bestFifth));
    }
    List<ProfileRow> worstFifth = rows.stream().filter(ProfileRow::worstFifth).toList();
    if (!worstFifth.isEmpty()) {
      sentences.add(
          new SummarySentence(
              "worst-fifth",
              "Among the 42 systems, it is in the worst fifth on "
                  + count(worstFifth.size())
                  + " compared by rank:",
              worstFifth));
    }
    List<ProfileRow> improving =
        rows.stream()
            .filter(ProfileRow::improving)
            .sorted(Comparator.comparingDouble(r -> -r.recentTrend().chiSquared()))
            .toList();
    sentences.add(
        new SummarySentence(
            "improving",
            improving.isEmpty()
                ? "No indicator shows a significant recent improvement."
                : "Most improved (a significant trend for the better over the last five periods,"
                    + " strongest first):",
            improving));
    List<ProfileRow> worsening =
        rows.stream()
            .filter(ProfileRow::worsening)
            .sorted(Comparator.comparingDouble(r -> -r.recentTrend().chiSquared()))
            .toList();
    sentences.add(
        new SummarySentence(
            "worsening",
            worsening.isEmpty()
                ? "No indicator shows a significant recent worsening."
                : "Getting worse (a significant trend for the worse over the last five periods,"
                    + " strongest first):",
            worsening));
    return sentences;
  }

  private static String count(int n) {
    return n + (n == 1 ? " indicator" : " indicators");
  }
}
