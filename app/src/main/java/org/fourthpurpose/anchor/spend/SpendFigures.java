package org.fourthpurpose.anchor.spend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.GroupedBarChart;

/** How the pages write a spend analysis's figures, and its chart of spend by place. */
final class SpendFigures {

  private SpendFigures() {}

  /** Pounds and pence with thousands separators, e.g. £1,234.56 (−£20.00 for a credit). */
  static String money(long pence) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    String text = "£" + format.format(BigDecimal.valueOf(Math.abs(pence), 2));
    return pence < 0 ? "−" + text : text;
  }

  static String money(Long pence) {
    return pence == null ? "Not given" : money(pence.longValue());
  }

  /** A share as a percentage with one decimal place, e.g. 12.5%. */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "–";
    }
    return BigDecimal.valueOf(part)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }

  /** A change of share in percentage points, signed: +3.2 points, −1.0 points, no change. */
  static String points(double change) {
    BigDecimal value = BigDecimal.valueOf(change * 100).setScale(1, RoundingMode.HALF_UP);
    if (value.signum() == 0) {
      return "no change";
    }
    return (value.signum() > 0 ? "+" : "−") + value.abs().toPlainString() + " points";
  }

  /** A short amount for a chart label: £950, £1.5k, £12k, £1.2m, £3.4bn. */
  static String shortMoney(long pence) {
    double pounds = pence / 100.0;
    double size = Math.abs(pounds);
    String sign = pounds < 0 ? "−" : "";
    if (size >= 1e9) {
      return sign + "£" + oneDecimal(size / 1e9) + "bn";
    }
    if (size >= 1e6) {
      return sign + "£" + oneDecimal(size / 1e6) + "m";
    }
    if (size >= 1e4) {
      return sign + "£" + Math.round(size / 1e3) + "k";
    }
    if (size >= 1e3) {
      return sign + "£" + oneDecimal(size / 1e3) + "k";
    }
    return sign + "£" + Math.round(size);
  }

  private static String oneDecimal(double value) {
    return BigDecimal.valueOf(value)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * A bar per district of the footprint and one for everywhere else in England, each labelled with
   * its amount and share of the total, on an axis of five steps of a round amount.
   */
  static GroupedBarChart placeChart(SpendSummary s) {
    List<String> labels = new ArrayList<>();
    List<Long> amounts = new ArrayList<>();
    long elsewhere = 0;
    for (DistrictSpend d : s.byDistrict()) {
      if (d.inFootprint()) {
        labels.add(d.name());
        amounts.add(d.pence());
      } else {
        elsewhere += d.pence();
      }
    }
    labels.add("Elsewhere in England");
    amounts.add(elsewhere);
    labels.add("Unlocated");
    amounts.add(s.unlocatedPence());
    long max = 1;
    for (long a : amounts) {
      max = Math.max(max, a);
    }
    long step = niceStep(max / 4.0);
    List<String> levels = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      levels.add(shortMoney(step * i));
    }
    if (step * 4 < max) {
      step = niceStep(max / 4.0 * 1.25);
      levels.clear();
      for (int i = 0; i <= 4; i++) {
        levels.add(shortMoney(step * i));
      }
    }
    List<GroupedBarChart.Item> items = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      long a = amounts.get(i);
      items.add(
          new GroupedBarChart.Item(
              labels.get(i),
              List.of(Math.max(0, (double) a / step)),
              List.of(shortMoney(a) + " (" + percent(a, s.totalPence()) + ")")));
    }
    return GroupedBarChart.of(levels, 1, items);
  }

  /** The smallest of 1, 2 or 5 times a power of ten (in pence) at least {@code atLeast}. */
  static long niceStep(double atLeast) {
    long power = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (m * power >= atLeast) {
          return m * power;
        }
      }
      power *= 10;
    }
  }

  /** The chart's table: every district with spend, the footprint's first. */
  static DataTable placeTable(SpendSummary s) {
    List<List<String>> rows = new ArrayList<>();
    for (DistrictSpend d : s.byDistrict()) {
      rows.add(
          List.of(
              d.name() + " (" + d.ladCode() + ")",
              d.inFootprint() ? "Yes" : "No",
              money(d.pence()),
              percent(d.pence(), s.totalPence())));
    }
    rows.add(
        List.of(
            "Unlocated",
            "–",
            money(s.unlocatedPence()),
            percent(s.unlocatedPence(), s.totalPence())));
    return new DataTable(
        "Spend by local authority district",
        List.of("District", "In the footprint", "Amount", "Share of all spend"),
        List.of(false, false, true, true),
        rows);
  }
}
