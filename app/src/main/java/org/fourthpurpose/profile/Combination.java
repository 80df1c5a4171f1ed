package org.fourthpurpose.profile;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.indicator.AreaValue;

/**
 * Combines several ICBs' values of one indicator and period into one comparator value: the sum of
 * their numerators over the sum of their denominators (times the indicator's multiplier) when every
 * member with a value has both, otherwise the unweighted average of their values.
 */
final class Combination {

  private Combination() {}

  /**
   * @param members each member's value in the period (a member without one is left out)
   */
  static BenchmarkValue of(Benchmark benchmark, String label, List<AreaValue> members) {
    double numerator = 0;
    double denominator = 0;
    double sum = 0;
    boolean counts = true;
    double scale = Double.NaN;
    List<String> used = new ArrayList<>();
    for (AreaValue v : members) {
      if (v == null || v.value() == null) {
        continue;
      }
      used.add(v.areaCode());
      sum += v.value();
      if (v.numerator() != null && v.denominator() != null && v.denominator() > 0) {
        numerator += v.numerator();
        denominator += v.denominator();
        if (Double.isNaN(scale) && v.numerator() > 0) {
          scale = multiplier(v);
        }
      } else {
        counts = false;
      }
    }
    if (used.isEmpty()) {
      return new BenchmarkValue(benchmark, label, null, List.of(), "No member has a value");
    }
    if (counts && denominator > 0) {
      return new BenchmarkValue(
          benchmark,
          label,
          numerator / denominator * (Double.isNaN(scale) ? 1 : scale),
          List.copyOf(used),
          "Members' numerators added up over their denominators");
    }
    return new BenchmarkValue(
        benchmark,
        label,
        sum / used.size(),
        List.copyOf(used),
        "Unweighted average of members' values");
  }

  /** The multiplier between numerator / denominator and the value (100 for a percentage). */
  static double multiplier(AreaValue v) {
    double raw = v.numerator() / v.denominator();
    return raw == 0 ? 1 : Math.round(v.value() / raw);
  }
}
