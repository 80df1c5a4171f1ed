package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.chart.TrendChart;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.indicator.ValueType;
import org.junit.jupiter.api.Test;

/** The small pure pieces of the ICS profile: comparator parameters, combining, ranks, charts. */
class ProfilePiecesTest {

  private static AreaValue value(String code, double value, Double n, Double d) {
    return new AreaValue(
        AreaLevel.ICB,
        code,
        new Period("2023", LocalDate.of(2023, 1, 1)),
        value,
        null,
        null,
        n,
        d,
        1,
        null);
  }

  @Test
  void readsAndWritesComparatorParameters() {
    assertThat(ComparatorChoice.parse(null)).isEqualTo(ComparatorChoice.ENGLAND);
    assertThat(ComparatorChoice.parse(" Region ")).isEqualTo(ComparatorChoice.REGION);
    assertThat(ComparatorChoice.parse("neighbours")).isEqualTo(ComparatorChoice.NEIGHBOURS);
    assertThat(ComparatorChoice.parse("nearest-neighbours")).isEqualTo(ComparatorChoice.NEIGHBOURS);
    assertThat(ComparatorChoice.parse("group-42")).isEqualTo(ComparatorChoice.group(42));
    assertThat(ComparatorChoice.group(42).key()).isEqualTo("group-42");
    assertThat(ComparatorChoice.parse("group-")).isNull();
    assertThat(ComparatorChoice.parse("group-x1")).isNull();
    assertThat(ComparatorChoice.parse("wales")).isNull();
    for (ComparatorChoice c :
        List.of(
            ComparatorChoice.ENGLAND,
            ComparatorChoice.REGION,
            ComparatorChoice.NEIGHBOURS,
            ComparatorChoice.group(7))) {
      assertThat(ComparatorChoice.parse(c.key())).isEqualTo(c);
    }
  }

  @Test
  void combinesCountsWhenEveryMemberHasThemAndAveragesOtherwise() {
    // 30/200 and 90/300 as percentages: pooled 120/500 = 24%, not the 22.5% average.
    BenchmarkValue pooled =
        Combination.of(
            Benchmark.NEAREST_NEIGHBOURS,
            "n",
            List.of(value("A", 15, 30.0, 200.0), value("B", 30, 90.0, 300.0)));
    assertThat(pooled.value()).isCloseTo(24.0, within(1e-12));
    assertThat(pooled.members()).containsExactly("A", "B");
    assertThat(pooled.method()).contains("numerators");

    BenchmarkValue averaged =
        Combination.of(
            Benchmark.SAVED_GROUP,
            "g",
            List.of(value("A", 15, 30.0, 200.0), value("B", 30, null, null)));
    assertThat(averaged.value()).isCloseTo(22.5, within(1e-12));
    assertThat(averaged.method()).contains("average");

    // A member with no value is left out; none at all gives no value.
    List<AreaValue> withGap = new ArrayList<>();
    withGap.add(value("A", 10, null, null));
    withGap.add(null);
    assertThat(Combination.of(Benchmark.REGION, "r", withGap).value()).isEqualTo(10.0);
    assertThat(Combination.of(Benchmark.REGION, "r", List.of()).value()).isNull();
    // Zero events in every member: 0 / 500 is 0, whatever the multiplier.
    assertThat(
            Combination.of(
                    Benchmark.REGION,
                    "r",
                    List.of(value("A", 0, 0.0, 200.0), value("B", 0, 0.0, 300.0)))
                .value())
        .isEqualTo(0.0);
  }

  @Test
  void writesEnglishOrdinals() {
    assertThat(
            List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 42, 101, 111, 112).stream()
                .map(ProfileRow::ordinal)
                .toList())
        .containsExactly(
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "42nd",
            "101st", "111th", "112th");
  }

  @Test
  void ranksBestFirstByPolarityWithTiesSharingARank() {
    Indicator lowerIsBetter = indicator(Polarity.LOWER_IS_BETTER);
    List<AreaComparison> rows = List.of(row("A", 5.0), row("B", 3.0), row("C", 3.0), row("D", 9.0));
    assertThat(IcsProfiles.rank(lowerIsBetter, rows, rows.get(1))).isEqualTo(1);
    assertThat(IcsProfiles.rank(lowerIsBetter, rows, rows.get(2))).isEqualTo(1);
    assertThat(IcsProfiles.rank(lowerIsBetter, rows, rows.get(0))).isEqualTo(3);
    assertThat(IcsProfiles.rank(indicator(Polarity.HIGHER_IS_BETTER), rows, rows.get(3)))
        .isEqualTo(1);
    assertThat(IcsProfiles.rank(lowerIsBetter, rows, row("E", null))).isNull();
  }

  @Test
  void drawsATrendOfTheLastTwentyFourPeriodsWithTheComparatorAsALine() {
    List<TrendChart.Period> periods = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      periods.add(
          new TrendChart.Period("P" + i, 10.0 + i, 9.0 + i, 11.0 + i, i % 2 == 0 ? 20.0 : null));
    }
    TrendChart chart = TrendChart.of(periods, "England", ValueText::format);
    assertThat(chart.points()).hasSize(TrendChart.MAX_POINTS);
    assertThat(chart.points().get(0).period()).isEqualTo("P6");
    assertThat(chart.points().get(23).period()).isEqualTo("P29");
    // Higher values are higher up the chart (smaller y); intervals surround the dot.
    assertThat(chart.points().get(23).y()).isLessThan(chart.points().get(0).y());
    assertThat(chart.points().get(0).yUpper()).isLessThan(chart.points().get(0).y());
    assertThat(chart.points().get(0).yLower()).isGreaterThan(chart.points().get(0).y());
    assertThat(chart.comparatorPoints()).hasSize(12);
    assertThat(chart.comparatorLine().split(" ")).hasSize(12);
    assertThat(chart.xLabels()).extracting(TrendChart.XLabel::text).contains("P29");
    assertThat(chart.points().get(0).label()).isEqualTo("P6: 16.0 (95% interval 15.0 to 17.0)");

    TrendChart empty = TrendChart.of(List.of(), "England", ValueText::format);
    assertThat(empty.points()).isEmpty();
    assertThat(empty.comparatorLine()).isEmpty();
  }

  private static AreaComparison row(String code, Double value) {
    return new AreaComparison(
        code, null, code, "2023", value, null, null, null, null, null, null, null, false, 0);
  }

  private static Indicator indicator(Polarity polarity) {
    return new Indicator(
        "x",
        "health",
        "X",
        "X",
        "source",
        null,
        "OGL",
        "attribution",
        "%",
        ValueType.PROPORTION,
        polarity,
        IntervalMethod.NONE,
        List.of(AreaLevel.ICB),
        "2023",
        null,
        null,
        true,
        null);
  }
}
