package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A colour scale: numbered steps, each drawn with a CSS class ({@code prefix + step}, for example
 * {@code fp-compare-3}) and named in a legend. The colours live in the stylesheet, never in the
 * markup, so forced-colours mode and print can change them.
 *
 * <p>The product has one colour language (frontend {@code _colours.scss}, docs {@code
 * colour-language.md}), and these factories are its only scales: {@link #deprivationDeciles()} and
 * {@link #core20()} (purples, darkest = most deprived), {@link #comparison(String, boolean)} (green
 * better, amber similar, red worse; blues for higher and lower), {@link #quintiles(boolean)} (green
 * best to red worst where there is a better direction, greys from the highest values otherwise). No
 * two families share a swatch. Step 0 of any scale is "not compared" ({@link #NOT_COMPARED}), white
 * with a dark edge.
 *
 * @param prefix the CSS class of step n is {@code prefix + n}
 * @param labels the legend label of each step, from step 1; an empty label leaves the step out of
 *     the legend (a step no area can be in)
 * @param upperBounds for a scale of a measure, the value each step stays below (step n holds values
 *     under {@code upperBounds[n - 1]}); empty when the steps are categories
 */
public record ColourScale(String prefix, List<String> labels, List<Double> upperBounds) {

  /** One entry of a legend: the swatch's CSS class and what it means. */
  public record LegendItem(String cssClass, String label) {}

  /** The class of an area or value with no value or nothing to compare: white, dark edge. */
  public static final String NOT_COMPARED = "fp-not-compared";

  /** IMD deciles: 1 (most deprived, darkest purple) to 10 (least deprived). */
  public static ColourScale deprivationDeciles() {
    return steps(
        "fp-decile-",
        List.of("1 most deprived", "2", "3", "4", "5", "6", "7", "8", "9", "10 least deprived"));
  }

  /**
   * The share of residents in England's most deprived 20% of neighbourhoods (Core20), in five bands
   * drawn from every other deprivation decile: band 5 (half or more) as dark as decile 1.
   */
  public static ColourScale core20() {
    return thresholds(
        "fp-core20-",
        List.of(0.05, 0.15, 0.30, 0.50, 1.01),
        List.of(
            "under 5%", "5% to under 15%", "15% to under 30%", "30% to under 50%", "50% or more"));
  }

  /**
   * Compared with a benchmark at 95% confidence, steps 1 worse, 2 lower, 3 similar, 4 higher, 5
   * better; the legend names the three that apply: better, similar and worse when {@code judged}
   * (the indicator has a better direction), otherwise lower, similar and higher.
   *
   * @param benchmark what the areas are compared with, e.g. "England"
   */
  public static ColourScale comparison(String benchmark, boolean judged) {
    return judged
        ? steps(
            "fp-compare-",
            List.of(
                "Worse than " + benchmark,
                "",
                "Similar to " + benchmark,
                "",
                "Better than " + benchmark))
        : steps(
            "fp-compare-",
            List.of(
                "",
                "Lower than " + benchmark,
                "Similar to " + benchmark,
                "Higher than " + benchmark,
                ""));
  }

  /**
   * Quintiles, numbered from the top: "Quintile 1 (best)" (green) to "Quintile 5 (worst)" (red)
   * when {@code judged}, otherwise "Quintile 1 (highest values)" (darkest grey) to "Quintile 5
   * (lowest values)". The words are statistics' {@code Quintile.description}, checked by a test.
   */
  public static ColourScale quintiles(boolean judged) {
    return judged
        ? steps(
            "fp-quintile-judged-",
            List.of(
                "Quintile 1 (best)",
                "Quintile 2 (second best)",
                "Quintile 3 (middle)",
                "Quintile 4 (second worst)",
                "Quintile 5 (worst)"))
        : steps(
            "fp-quintile-",
            List.of(
                "Quintile 1 (highest values)",
                "Quintile 2 (second highest)",
                "Quintile 3 (middle)",
                "Quintile 4 (second lowest)",
                "Quintile 5 (lowest values)"));
  }

  /** A scale of categories already numbered from 1. */
  public static ColourScale steps(String prefix, List<String> labels) {
    return new ColourScale(prefix, List.copyOf(labels), List.of());
  }

  /** A scale that puts a value in the first step whose upper bound it is below. */
  public static ColourScale thresholds(
      String prefix, List<Double> upperBounds, List<String> labels) {
    if (upperBounds.size() != labels.size()) {
      throw new IllegalArgumentException(
          upperBounds.size() + " upper bounds for " + labels.size() + " labels");
    }
    return new ColourScale(prefix, List.copyOf(labels), List.copyOf(upperBounds));
  }

  /** The step (1 to the number of labels) of {@code value} on a threshold scale. */
  public int step(double value) {
    for (int i = 0; i < upperBounds.size(); i++) {
      if (value < upperBounds.get(i)) {
        return i + 1;
      }
    }
    return upperBounds.size();
  }

  /** A legend with a title, one of several on a page. */
  public record TitledScale(String title, ColourScale scale) {}

  /**
   * The four scales a table of many indicators can mix, each titled: compared with {@code
   * benchmark} with and without a better direction, and quintiles with and without one.
   */
  public static List<TitledScale> comparisonKeys(String benchmark) {
    return List.of(
        new TitledScale(
            "Compared with " + benchmark + " (indicators with a better direction)",
            comparison(benchmark, true)),
        new TitledScale(
            "Compared with " + benchmark + " (indicators without one)",
            comparison(benchmark, false)),
        new TitledScale(
            "Quintile among the systems, where there is no confidence interval (with a better"
                + " direction)",
            quintiles(true)),
        new TitledScale("Quintile among the systems (without one)", quintiles(false)));
  }

  /** The CSS class that draws step {@code step}; step 0 is {@link #NOT_COMPARED}. */
  public String cssClass(int step) {
    return step == 0 ? NOT_COMPARED : prefix + step;
  }

  /** The CSS class of the step {@code value} falls in. */
  public String cssClassOf(double value) {
    return cssClass(step(value));
  }

  /** The legend: every step with a label, in order. */
  public List<LegendItem> legend() {
    List<LegendItem> items = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.get(i).isEmpty()) {
        items.add(new LegendItem(cssClass(i + 1), labels.get(i)));
      }
    }
    return items;
  }
}
