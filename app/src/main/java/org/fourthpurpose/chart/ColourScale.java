package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A colour scale: numbered steps, each drawn with a CSS class ({@code prefix + step}, for example
 * {@code fp-band-3}) and named in a legend. The colours live in the stylesheet, never in the
 * markup, so forced-colours mode and print can change them.
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

  /** The CSS class that draws step {@code step}. */
  public String cssClass(int step) {
    return prefix + step;
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
