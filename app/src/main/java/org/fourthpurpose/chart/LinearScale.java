package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A linear scale: maps values between {@code domainMin} and {@code domainMax} onto positions from
 * {@code rangeStart} to {@code rangeEnd}. The range may run backwards (an SVG value axis grows
 * upwards, so its start is below its end on the page), which is also how a chart puts "better" on
 * the right when lower values are better.
 *
 * <pre>{@code
 * LinearScale y = LinearScale.nice(3.2, 17.9, 4, 250, 10); // 0 to 20 in steps of 5
 * y.at(10); // 130
 * }</pre>
 *
 * @param step the distance between ticks, 0 when the scale has none
 */
public record LinearScale(
    double domainMin, double domainMax, double rangeStart, double rangeEnd, double step) {

  /** A scale with no ticks over exactly the values given. */
  public static LinearScale of(
      double domainMin, double domainMax, double rangeStart, double rangeEnd) {
    return new LinearScale(domainMin, domainMax, rangeStart, rangeEnd, 0);
  }

  /**
   * A scale widened to whole steps of a "nice" size (1, 2 or 5 times a power of ten) so that about
   * {@code tickCount} intervals cover {@code min} to {@code max}.
   */
  public static LinearScale nice(
      double min, double max, int tickCount, double rangeStart, double rangeEnd) {
    double step = niceStep((max - min) / tickCount);
    double lowest = Math.floor(min / step) * step;
    double highest = Math.ceil(max / step) * step;
    if (highest == lowest) {
      highest = lowest + step;
    }
    return new LinearScale(lowest, highest, rangeStart, rangeEnd, step);
  }

  /**
   * 1, 2 or 5 times a power of ten, at least {@code rough}; 1 when {@code rough} is not positive.
   */
  public static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= rough) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** The position of {@code value}; the middle of the range when the domain is a single value. */
  public double at(double value) {
    double span = domainMax - domainMin;
    double share = span == 0 ? 0.5 : (value - domainMin) / span;
    return rangeStart + (rangeEnd - rangeStart) * share;
  }

  /** A tick at every step from the lowest to the highest value, each written by {@code format}. */
  public List<Tick> ticks(DoubleFunction<String> format) {
    List<Tick> ticks = new ArrayList<>();
    if (step <= 0) {
      return ticks;
    }
    // Added up step by step, as the labels were always worked out; the format rounds the sums.
    for (double v = domainMin; v <= domainMax + step / 2; v += step) {
      ticks.add(new Tick(at(v), v, format.apply(v)));
    }
    return ticks;
  }
}
