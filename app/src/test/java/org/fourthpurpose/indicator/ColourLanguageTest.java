package org.fourthpurpose.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.statistics.Quintile;
import org.junit.jupiter.api.Test;

/**
 * The colour language as served (static/assets/css/fourthpurpose.min.css) and as named in Java
 * (chart.ColourScale): separate families, enough contrast, and the quintile words of statistics.
 */
class ColourLanguageTest {

  private static final String WHITE = "#ffffff";
  private static final String TEXT = "#212b32";

  private static Map<String, String> customProperties() throws IOException {
    String css;
    try (InputStream in =
        ColourLanguageTest.class.getResourceAsStream("/static/assets/css/fourthpurpose.min.css")) {
      assertThat(in).as("the built stylesheet").isNotNull();
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> colours = new HashMap<>();
    Matcher m = Pattern.compile("--(fp-[a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})").matcher(css);
    while (m.find()) {
      colours.put(m.group(1), m.group(2).toLowerCase());
    }
    return colours;
  }

  private static List<String> family(Map<String, String> colours, String prefix, int steps) {
    return IntStream.rangeClosed(1, steps).mapToObj(i -> colours.get(prefix + i)).toList();
  }

  @Test
  void noSwatchOfOneFamilyAppearsInAnother() throws IOException {
    Map<String, String> colours = customProperties();
    List<String> deprivation = family(colours, "fp-decile-", 10);
    List<String> judged = new ArrayList<>(family(colours, "fp-compare-", 5));
    judged.addAll(family(colours, "fp-quintile-judged-", 5));
    List<String> neutral = family(colours, "fp-quintile-", 5);

    assertThat(deprivation).doesNotContainNull().doesNotHaveDuplicates().hasSize(10);
    assertThat(judged).doesNotContainNull();
    assertThat(neutral).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(deprivation)
        .doesNotContainAnyElementsOf(judged)
        .doesNotContainAnyElementsOf(neutral);
    assertThat(judged).doesNotContainAnyElementsOf(neutral);
    // the five comparison outcomes differ from each other, and "not compared" is none of them
    assertThat(family(colours, "fp-compare-", 5)).doesNotHaveDuplicates();
    assertThat(colours.get("fp-not-compared"))
        .isEqualTo(WHITE)
        .isNotIn(deprivation)
        .isNotIn(judged)
        .isNotIn(neutral);
  }

  @Test
  void deprivationStepsShowAgainstWhiteAndDarkenTowardsTheMostDeprived() throws IOException {
    List<String> deprivation = family(customProperties(), "fp-decile-", 10);
    for (String colour : deprivation) {
      assertThat(contrast(colour, WHITE)).as(colour).isGreaterThanOrEqualTo(3.0);
    }
    for (int i = 1; i < deprivation.size(); i++) {
      assertThat(luminance(deprivation.get(i)))
          .as("decile %d lighter than decile %d", i + 1, i)
          .isGreaterThan(luminance(deprivation.get(i - 1)));
    }
  }

  @Test
  void lightFillsHaveAnEdgeThatShowsAgainstWhite() {
    // Fills under 3:1 on white are drawn with the text colour as their edge (_colours.scss).
    assertThat(contrast(TEXT, WHITE)).isGreaterThan(14);
    assertThat(contrast("#ffb81c", TEXT)).as("amber, similar, against its edge").isGreaterThan(3);
  }

  @Test
  void keysUseTheQuintileWordsOfStatistics() {
    for (boolean judged : new boolean[] {true, false}) {
      assertThat(ColourScale.quintiles(judged).legend())
          .extracting(ColourScale.LegendItem::label)
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, 5).mapToObj(n -> Quintile.description(n, judged)).toList());
    }
    assertThat(ColourScale.quintiles(false).legend().get(0).label())
        .isEqualTo("Quintile 1 (highest values)");
    assertThat(ColourScale.quintiles(true).legend().get(4).label()).isEqualTo("Quintile 5 (worst)");
  }

  @Test
  void comparisonKeysNameOnlyTheOutcomesThatApply() {
    assertThat(ColourScale.comparison("England", true).legend())
        .extracting(ColourScale.LegendItem::cssClass, ColourScale.LegendItem::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fp-compare-1", "Worse than England"),
            org.assertj.core.groups.Tuple.tuple("fp-compare-3", "Similar to England"),
            org.assertj.core.groups.Tuple.tuple("fp-compare-5", "Better than England"));
    assertThat(ColourScale.comparison("England", false).legend())
        .extracting(ColourScale.LegendItem::label)
        .containsExactly("Lower than England", "Similar to England", "Higher than England");
    assertThat(ColourScale.comparison("England", true).cssClass(0)).isEqualTo("fp-not-compared");
  }

  @Test
  void indicatorsWithoutABetterDirectionAreNeverShadedBetterOrWorse() {
    Indicator neutral = indicatorWith(Polarity.NEITHER);
    Indicator judged = indicatorWith(Polarity.LOWER_IS_BETTER);
    assertThat(IndicatorCharts.key(neutral, true).cssClass(1)).isEqualTo("fp-quintile-1");
    assertThat(IndicatorCharts.key(judged, true).cssClass(1)).isEqualTo("fp-quintile-judged-1");
    assertThat(IndicatorCharts.key(neutral, false).legend())
        .extracting(ColourScale.LegendItem::label)
        .noneMatch(l -> l.startsWith("Better") || l.startsWith("Worse"));
  }

  private static Indicator indicatorWith(Polarity polarity) {
    return new Indicator(
        "test",
        "health",
        "Test",
        "A test indicator",
        "Source",
        null,
        "OGL",
        "Attribution",
        "%",
        null,
        polarity,
        null,
        List.of(),
        "2024",
        "",
        null,
        false,
        null);
  }

  static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
}
