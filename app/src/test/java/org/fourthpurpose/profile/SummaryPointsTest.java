package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.ValueType;
import org.fourthpurpose.profile.IcsProfile.SummaryHeading;
import org.fourthpurpose.profile.IcsProfile.SummaryPoint;
import org.fourthpurpose.statistics.RecentTrend;
import org.fourthpurpose.statistics.TrendDirection;
import org.junit.jupiter.api.Test;

/**
 * The narrative summary's rules: at most five points a heading, ranked by standardised distance
 * times reliability, the newest edition only, nothing without a value. Values are Liverpool's and
 * England's as published in the shipped files (healthy life expectancy 2022-2024, adult obesity
 * 2024/25, life satisfaction) and Cheshire and Merseyside's profile values for the Indices of
 * Deprivation.
 */
class SummaryPointsTest {

  private static final RecentTrend FLAT =
      new RecentTrend(
          TrendDirection.NO_SIGNIFICANT_CHANGE,
          org.fourthpurpose.statistics.Polarity.LOWER_IS_BETTER,
          1.0,
          "");

  private static Indicator indicator(String id, String title, String unit, Polarity polarity) {
    return new Indicator(
        id,
        "health",
        title,
        "",
        "",
        "",
        "",
        "",
        unit,
        ValueType.PROPORTION,
        polarity,
        IntervalMethod.PUBLISHED,
        List.of(AreaLevel.ICB),
        "",
        "",
        null,
        true,
        null);
  }

  private static ProfileRow row(
      Indicator indicator,
      String period,
      Double value,
      Double lower,
      Double upper,
      Double numerator,
      Double england,
      String comparison,
      boolean byQuintile,
      int band,
      RecentTrend trend,
      Integer rank) {
    return new ProfileRow(
        indicator,
        new AreaComparison(
            "E54000008",
            "QYG",
            "Cheshire and Merseyside",
            period,
            value,
            lower,
            upper,
            null,
            null,
            numerator,
            null,
            comparison,
            byQuintile,
            band),
        england,
        new BenchmarkValue(Benchmark.ENGLAND, "England", england, List.of(), ""),
        null,
        trend,
        rank,
        42,
        null);
  }

  private static SummaryPoints.Evidence evidence(ProfileRow row, double spread) {
    return new SummaryPoints.Evidence(row, spread, row.englandValue(), null, null);
  }

  // Liverpool, 2022-2024: 55.8 years (52.2 to 59.4) against England's 60.9.
  private static final ProfileRow HLE_MALE =
      row(
          indicator(
              "hle-male", "Healthy life expectancy (males)", "years", Polarity.HIGHER_IS_BETTER),
          "2022-2024",
          55.8,
          52.2,
          59.4,
          null,
          60.9,
          "worse",
          false,
          1,
          FLAT,
          40);

  @Test
  void writesEachPointAsASentenceWithValueUnitEnglandAndPeriod() {
    assertThat(SummaryPoints.sentence(HLE_MALE, "England", 60.9, true))
        .isEqualTo(
            "Healthy life expectancy (males) is 55.8 years, 5.1 years below England (60.9),"
                + " 2022-2024.");
    // Liverpool's adult obesity 2024/25, 31.70345%, England 26.64292%.
    ProfileRow obesity =
        row(
            indicator("adult-obesity", "Adult obesity", "% of adults", Polarity.LOWER_IS_BETTER),
            "2024/25",
            31.70345,
            28.51852,
            34.93827,
            null,
            26.64292,
            "worse",
            false,
            1,
            FLAT,
            38);
    assertThat(SummaryPoints.sentence(obesity, "England", 26.64292, true))
        .isEqualTo(
            "Adult obesity is 31.7% of adults, 5.1 percentage points above England (26.6%),"
                + " 2024/25.");
    // Life satisfaction 2022/23, 7.1 out of 10; a score reads "out of 10".
    ProfileRow satisfaction =
        row(
            indicator(
                "wellbeing-life-satisfaction",
                "Personal wellbeing: life satisfaction",
                "mean score (0 to 10)",
                Polarity.HIGHER_IS_BETTER),
            "2022/23",
            7.1,
            6.81,
            7.4,
            null,
            7.44,
            "worse",
            false,
            1,
            FLAT,
            41);
    assertThat(SummaryPoints.sentence(satisfaction, "England", 7.44, true))
        .isEqualTo(
            "Personal wellbeing: life satisfaction is 7.1 out of 10, 0.3 points below England"
                + " (7.4), 2022/23.");
  }

  @Test
  void anIndicatorComparedByRankSaysWhichFifthAndItsRank() {
    ProfileRow patients =
        row(
            indicator(
                "patients-per-gp",
                "Registered patients per GP",
                "patients per FTE GP",
                Polarity.LOWER_IS_BETTER),
            "2024-03",
            1481.4410527727175,
            null,
            null,
            2723077.0,
            1744.3519936800544,
            "quintile 1 (best)",
            true,
            1,
            FLAT,
            2);
    assertThat(SummaryPoints.sentence(patients, "England", 1744.3519936800544, true))
        .isEqualTo(
            "Registered patients per GP is 1,481 patients per FTE GP, 263 patients per FTE GP"
                + " below England (1,744), 2024-03; in the best fifth of the systems (2nd of 42,"
                + " 1st is best).");
  }

  @Test
  void keepsOnlyTheNewestEditionOfAnIndicatorPublishedInEditions() {
    // Cheshire and Merseyside: IoD 2019 and 2025, people in England's most deprived 10%.
    ProfileRow imd2019 =
        row(
            indicator(
                "iod2019-imd-most-deprived",
                "Index of Multiple Deprivation: people in England's most deprived 10% (IoD 2019)",
                "% of residents",
                Polarity.LOWER_IS_BETTER),
            "2019",
            23.29524078817781,
            null,
            null,
            583290.0,
            9.9096327581022,
            "quintile 5 (worst)",
            true,
            5,
            FLAT,
            39);
    ProfileRow imd2025 =
        row(
            indicator(
                "iod2025-imd-most-deprived",
                "Index of Multiple Deprivation: people in England's most deprived 10% (IoD 2025)",
                "% of residents",
                Polarity.LOWER_IS_BETTER),
            "2025",
            19.78562044169479,
            null,
            null,
            498324.0,
            10.072004110879023,
            "quintile 5 (worst)",
            true,
            5,
            FLAT,
            38);
    List<SummaryPoints.Evidence> left =
        SummaryPoints.newestEditions(
            List.of(evidence(imd2019, 8.0), evidence(imd2025, 8.0), evidence(HLE_MALE, 1.5)));
    assertThat(left)
        .extracting(e -> e.row().indicator().id())
        .containsExactly("iod2025-imd-most-deprived", "hle-male");

    // The 2019 edition is far worse, but only the 2025 edition is a need.
    SummaryHeading needs =
        SummaryPoints.headings(
                "Cheshire and Merseyside",
                null,
                List.of(evidence(imd2019, 8.0), evidence(imd2025, 8.0)))
            .get(1);
    assertThat(needs.kind()).isEqualTo("needs");
    assertThat(needs.found()).isEqualTo(1);
    assertThat(needs.points())
        .extracting(p -> p.row().indicator().id())
        .containsExactly("iod2025-imd-most-deprived");

    // With no value in the newest edition, the older one stands in.
    ProfileRow empty2025 =
        row(imd2025.indicator(), "2025", null, null, null, null, 10.0, null, false, 0, FLAT, null);
    assertThat(
            SummaryPoints.newestEditions(List.of(evidence(imd2019, 8.0), evidence(empty2025, 8.0))))
        .extracting(e -> e.row().indicator().id())
        .containsExactly("iod2019-imd-most-deprived");
  }

  @Test
  void ranksByDistanceInStandardDeviationsTimesReliabilityAndKeepsFive() {
    List<SummaryPoints.Evidence> evidence = new ArrayList<>();
    // Seven needs, 1 to 7 standard deviations from England, all recent and precise.
    for (int i = 1; i <= 7; i++) {
      ProfileRow r =
          row(
              indicator("need-" + i, "Need " + i, "% of adults", Polarity.LOWER_IS_BETTER),
              "2024/25",
              20.0 + i,
              19.9 + i,
              20.1 + i,
              null,
              20.0,
              "worse",
              false,
              1,
              FLAT,
              40);
      evidence.add(evidence(r, 1.0));
    }
    // 10 standard deviations away but its interval (8 wide) is wider than its gap (5): halved,
    // and data from 2018 (more than three years before 2024/25): halved again, to 2.5.
    ProfileRow wide =
        row(
            indicator("wide-old", "Wide and old", "% of adults", Polarity.LOWER_IS_BETTER),
            "2018",
            25.0,
            21.0,
            29.0,
            null,
            20.0,
            "worse",
            false,
            1,
            FLAT,
            40);
    evidence.add(evidence(wide, 0.5));
    SummaryHeading needs = SummaryPoints.headings("Cheshire and Merseyside", null, evidence).get(1);
    assertThat(needs.found()).isEqualTo(8);
    assertThat(needs.points()).hasSize(SummaryPoints.MOST);
    assertThat(needs.points())
        .extracting(p -> p.row().indicator().id())
        .containsExactly("need-7", "need-6", "need-5", "need-4", "need-3");
    SummaryPoint first = needs.points().get(0);
    assertThat(first.distance()).isCloseTo(7.0, within(1e-9));
    assertThat(first.reliability()).isEqualTo(1.0);
    assertThat(needs.leadIn())
        .startsWith("Cheshire and Merseyside does worse than England on 8 indicators")
        .endsWith("these 5 stand out most:");
    assertThat(SummaryPoints.reliability(wide.area(), 20.0, LocalDate.of(2024, 4, 1)))
        .isEqualTo(0.25);
  }

  @Test
  void leavesOutRowsWithoutAValueAndTrendsWithoutBothEnds() {
    // North East and North Cumbria's cancers at stage 1 or 2: getting worse, but no 2022 value.
    RecentTrend worse =
        new RecentTrend(
            TrendDirection.DECREASING,
            org.fourthpurpose.statistics.Polarity.HIGHER_IS_BETTER,
            12.0,
            "");
    Indicator cancer =
        indicator(
            "cancer-early-stage",
            "Cancers diagnosed at stage 1 or 2",
            "% of cancers with known stage",
            Polarity.HIGHER_IS_BETTER);
    ProfileRow noValue =
        row(cancer, "2022", null, null, null, null, 56.75578, null, false, 0, worse, null);
    assertThat(noValue.worsening()).isTrue();
    SummaryPoints.Evidence e =
        new SummaryPoints.Evidence(
            noValue,
            2.0,
            56.0,
            point("2016", 55.0),
            point("2021", 52.0)); // the series ends before the latest period
    List<SummaryHeading> headings = SummaryPoints.headings("North East", null, List.of(e));
    SummaryHeading worsening = headings.get(headings.size() - 1);
    assertThat(worsening.kind()).isEqualTo("worsening");
    assertThat(worsening.points()).isEmpty();
    assertThat(worsening.leadIn())
        .isEqualTo(
            "No indicator shows a significant trend for the worse over its last five periods.");

    // With a value and both ends, the same trend is a point, written from end to end.
    ProfileRow withValue =
        row(cancer, "2022", 52.0, 51.0, 53.0, null, 56.75578, "worse", false, 1, worse, 20);
    SummaryPoints.Evidence both =
        new SummaryPoints.Evidence(withValue, 2.0, 56.0, point("2018", 55.0), point("2022", 52.0));
    List<SummaryHeading> again = SummaryPoints.headings("North East", null, List.of(both));
    SummaryHeading trend = again.get(again.size() - 1);
    assertThat(trend.points()).hasSize(1);
    assertThat(trend.points().get(0).text())
        .isEqualTo(
            "Cancers diagnosed at stage 1 or 2 fell from 55.0% of cancers with known stage in 2018"
                + " to 52.0% in 2022 (England 56.8%).");
    assertThat(trend.points().get(0).distance()).isCloseTo(Math.sqrt(12.0), within(1e-12));
  }

  @Test
  void measuresDataAgeFromTheLastYearOfPooledPeriods() {
    assertThat(SummaryPoints.lastCollected("2022-2024")).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(SummaryPoints.lastCollected("2019/20-2021/22")).isEqualTo(LocalDate.of(2021, 4, 1));
    assertThat(SummaryPoints.lastCollected("2024/25")).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(SummaryPoints.lastCollected("undated")).isNull();
    LocalDate newest = LocalDate.of(2026, 1, 1);
    assertThat(SummaryPoints.age("2022-2024", newest)).isEqualTo(1.0);
    assertThat(SummaryPoints.age("2021", newest)).isEqualTo(0.5);
    assertThat(SummaryPoints.age("undated", newest)).isEqualTo(0.5);
  }

  private static AreaValue point(String period, double value) {
    return AreaValue.published(AreaLevel.ICB, "E54000050", Period.parse(period), value, null, null);
  }
}
