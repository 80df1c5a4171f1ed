package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.ValueType;
import org.fourthpurpose.statistics.RecentTrend;
import org.fourthpurpose.statistics.TrendDirection;
import org.junit.jupiter.api.Test;

/** The board pack's key-indicator rule and its PDF's chart colours. */
class BoardPacksTest {

  private static ProfileRow row(String id, String title, Double value, double england) {
    Indicator indicator =
        new Indicator(
            id,
            "income",
            title,
            "",
            "",
            "",
            "",
            "",
            "% of residents",
            ValueType.PROPORTION,
            Polarity.LOWER_IS_BETTER,
            IntervalMethod.PUBLISHED,
            List.of(AreaLevel.ICB),
            "",
            "",
            null,
            true,
            null);
    return new ProfileRow(
        indicator,
        new AreaComparison(
            "E54000008",
            "QYG",
            "Cheshire and Merseyside",
            "2025",
            value,
            null,
            null,
            null,
            null,
            null,
            null,
            value == null ? null : "quintile 3 (middle)",
            true,
            value == null ? 0 : 3),
        england,
        new BenchmarkValue(Benchmark.ENGLAND, "England", england, List.of(), ""),
        null,
        new RecentTrend(
            TrendDirection.CANNOT_BE_CALCULATED,
            org.fourthpurpose.statistics.Polarity.LOWER_IS_BETTER,
            Double.NaN,
            "too few points"),
        value == null ? null : 20,
        42,
        null);
  }

  @Test
  void choosesTheSixFurthestFromEnglandWithAValueNewestEditionInCatalogueOrder() {
    List<SummaryPoints.Evidence> theme = new ArrayList<>();
    // Eight indicators 1 to 8 standard deviations from England (10.0), in catalogue order.
    for (int i = 1; i <= 8; i++) {
      theme.add(
          new SummaryPoints.Evidence(
              row("i" + i, "Indicator " + i, 10.0 + i, 10.0), 1.0, 10.0, null, null));
    }
    // Furthest of all, but without a value, or an older edition of a newer one.
    theme.add(new SummaryPoints.Evidence(row("empty", "Empty", null, 10.0), 1.0, 10.0, null, null));
    theme.add(
        new SummaryPoints.Evidence(
            row("iod2019", "Income deprivation (IoD 2019)", 40.0, 10.0), 1.0, 10.0, null, null));
    theme.add(
        new SummaryPoints.Evidence(
            row("iod2025", "Income deprivation (IoD 2025)", 10.5, 10.0), 1.0, 10.0, null, null));
    List<ProfileRow> key = BoardPacks.keyIndicators(theme, LocalDate.of(2025, 1, 1));
    assertThat(key).hasSize(BoardPacks.KEY_INDICATORS);
    assertThat(key)
        .extracting(r -> r.indicator().id())
        .containsExactly("i3", "i4", "i5", "i6", "i7", "i8");
  }

  @Test
  void givesEverySvgInThePdfTheChartKitsColours() {
    String html =
        "<p>x</p><svg viewBox=\"0 0 10 10\" role=\"img\"><path class=\"fp-core20-5\"></path></svg>";
    assertThat(BoardPacks.withSvgStyles(html))
        .startsWith("<p>x</p><svg viewBox=\"0 0 10 10\" role=\"img\"><style type=\"text/css\">")
        .contains("path.fp-core20-5{fill:#2d004b}")
        .endsWith("</style><path class=\"fp-core20-5\"></path></svg>");
  }
}
