package org.fourthpurpose.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.profile.IcsProfile.SummaryHeading;
import org.fourthpurpose.profile.IcsProfile.SummaryPoint;

/**
 * The assets, strengths and needs summary as a board member reads it: under each heading at most
 * {@link #MOST} points, each a sentence with the value, its unit, England's value and the period.
 *
 * <p>Which points: only indicators with a value, the newest edition of an indicator published in
 * editions (IoD 2025 rather than IoD 2019), and only where the difference is significant by the
 * indicator's own method (its 95% interval clears England's value; without an interval, the system
 * is in the best or worst fifth of the 42). They are ranked by how far the system is from England
 * in standard deviations of the 42 systems' values (so that percentages, years and pounds can be
 * compared), times a reliability weight that halves for each of: an interval wider than the gap it
 * is measured against, fewer than {@link #FEW_EVENTS} events, and data more than {@link
 * #OLD_AFTER_YEARS} years older than the profile's newest (or without a stated period). Trends are
 * ranked by the strength of the trend test (the square root of its chi-squared statistic, a
 * z-score) times the same age weight, and need both ends of the trend.
 */
final class SummaryPoints {

  /** The most points under one heading. */
  static final int MOST = 5;

  /** Below this many events (the numerator), a value rests on small numbers. */
  static final double FEW_EVENTS = 50;

  /** Data whose period starts more than this many years before the profile's newest is old. */
  static final int OLD_AFTER_YEARS = 3;

  private static final Pattern EDITION = Pattern.compile("^(.*) \\(([^()]*?) ?(\\d{4})\\)$");

  private SummaryPoints() {}

  /**
   * What a row is ranked on besides itself.
   *
   * @param spread the standard deviation of the 42 systems' latest values, null with fewer than two
   * @param centre the mean of the systems' values, used where England has no value
   * @param trendFrom the first of the five points the recent trend is tested on, null without one
   * @param trendTo the last of them
   */
  record Evidence(
      ProfileRow row, Double spread, Double centre, AreaValue trendFrom, AreaValue trendTo) {

    static Evidence of(ProfileRow row, List<Double> systems, List<AreaValue> series) {
      double[] known = systems.stream().filter(v -> v != null).mapToDouble(v -> v).toArray();
      Double spread = null;
      Double centre = null;
      if (known.length >= 2) {
        double mean = java.util.Arrays.stream(known).average().orElseThrow();
        double squares = 0;
        for (double v : known) {
          squares += (v - mean) * (v - mean);
        }
        spread = Math.sqrt(squares / (known.length - 1));
        centre = mean;
      }
      List<AreaValue> values =
          series.stream()
              .filter(v -> v.value() != null)
              .sorted(Comparator.comparing(AreaValue::period))
              .toList();
      AreaValue from = null;
      AreaValue to = null;
      if (values.size() >= org.fourthpurpose.statistics.RecentTrend.POINTS) {
        from = values.get(values.size() - org.fourthpurpose.statistics.RecentTrend.POINTS);
        to = values.get(values.size() - 1);
      }
      return new Evidence(row, spread, centre, from, to);
    }
  }

  /**
   * The headings for a system: assets and strengths, needs, (against a comparator other than
   * England) better and worse than it, getting better and getting worse.
   *
   * @param comparatorLabel null when the comparator is England
   */
  static List<SummaryHeading> headings(
      String name, String comparatorLabel, List<Evidence> evidence) {
    List<Evidence> current = newestEditions(evidence);
    LocalDate newest =
        current.stream()
            .map(e -> lastCollected(e.row().area().period()))
            .filter(d -> d != null)
            .max(Comparator.naturalOrder())
            .orElse(null);
    List<SummaryHeading> headings = new ArrayList<>();
    headings.add(
        against(
            "strengths",
            "Assets and strengths",
            name,
            "England",
            true,
            current,
            e -> e.row().better() || e.row().bestFifth(),
            newest));
    headings.add(
        against(
            "needs",
            "Needs",
            name,
            "England",
            false,
            current,
            e -> e.row().worse() || e.row().worstFifth(),
            newest));
    if (comparatorLabel != null) {
      headings.add(
          against(
              "better-than-comparator",
              "Better than " + comparatorLabel,
              name,
              comparatorLabel,
              true,
              current,
              e -> e.row().betterThanComparator(),
              newest));
      headings.add(
          against(
              "worse-than-comparator",
              "Worse than " + comparatorLabel,
              name,
              comparatorLabel,
              false,
              current,
              e -> e.row().worseThanComparator(),
              newest));
    }
    headings.add(trend("improving", "Getting better", current, true, newest));
    headings.add(trend("worsening", "Getting worse", current, false, newest));
    return headings;
  }

  /**
   * The rows left once older editions are dropped: of the indicators whose titles differ only in an
   * edition's year, such as "… (IoD 2019)" and "… (IoD 2025)", the newest one with a value.
   */
  static List<Evidence> newestEditions(List<Evidence> evidence) {
    Map<String, Evidence> newest = new HashMap<>();
    for (Evidence e : evidence) {
      Edition edition = Edition.of(e.row().indicator().title());
      if (edition == null || e.row().area().value() == null) {
        continue;
      }
      Evidence kept = newest.get(edition.family());
      if (kept == null || Edition.of(kept.row().indicator().title()).year() < edition.year()) {
        newest.put(edition.family(), e);
      }
    }
    List<Evidence> left = new ArrayList<>();
    for (Evidence e : evidence) {
      Edition edition = Edition.of(e.row().indicator().title());
      if (edition == null || newest.get(edition.family()) == e) {
        left.add(e);
      }
    }
    return left;
  }

  /** An edition named in a title's closing brackets, e.g. "(IoD 2025)": family and year. */
  record Edition(String family, int year) {
    static Edition of(String title) {
      Matcher m = EDITION.matcher(title);
      if (!m.matches()) {
        return null;
      }
      return new Edition(m.group(1) + " (" + m.group(2) + ")", Integer.parseInt(m.group(3)));
    }
  }

  private static SummaryHeading against(
      String kind,
      String title,
      String name,
      String label,
      boolean better,
      List<Evidence> evidence,
      Predicate<Evidence> eligible,
      LocalDate newest) {
    boolean england = label.equals("England");
    List<SummaryPoint> candidates = new ArrayList<>();
    for (Evidence e : evidence) {
      ProfileRow r = e.row();
      if (r.area().value() == null || !eligible.test(e)) {
        continue;
      }
      Double reference = england ? r.englandValue() : r.comparator().value();
      if (!england && reference == null) {
        continue;
      }
      Double centre = reference != null ? reference : e.centre();
      double distance =
          e.spread() == null || e.spread() == 0 || centre == null
              ? 0
              : Math.abs(r.area().value() - centre) / e.spread();
      double reliability = reliability(r.area(), reference, newest);
      candidates.add(
          new SummaryPoint(r, sentence(r, label, reference, england), distance, reliability));
    }
    List<SummaryPoint> points = ranked(candidates);
    String adjective = better ? "better" : "worse";
    String leadIn;
    if (candidates.isEmpty()) {
      leadIn =
          name + " is not significantly " + adjective + " than " + label + " on any indicator.";
    } else {
      leadIn =
          name
              + " does "
              + adjective
              + " than "
              + label
              + " on "
              + count(candidates.size())
              + (england
                  ? " (significantly, or in the "
                      + (better ? "best" : "worst")
                      + " fifth of the 42 systems where an indicator has no interval)"
                  : " (significantly, at 95%)")
              + (candidates.size() > MOST
                  ? "; these " + MOST + " stand out most:"
                  : candidates.size() == 1 ? ":" : ", the most marked first:");
    }
    return new SummaryHeading(kind, title, leadIn, candidates.size(), points);
  }

  private static SummaryHeading trend(
      String kind, String title, List<Evidence> evidence, boolean better, LocalDate newest) {
    List<SummaryPoint> candidates = new ArrayList<>();
    for (Evidence e : evidence) {
      ProfileRow r = e.row();
      boolean moving = better ? r.improving() : r.worsening();
      double chiSquared = r.recentTrend().chiSquared();
      if (!moving
          || r.area().value() == null
          || Double.isNaN(chiSquared)
          || e.trendFrom() == null
          || e.trendTo() == null
          || !e.trendTo().period().label().equals(r.area().period())) {
        continue;
      }
      candidates.add(
          new SummaryPoint(
              r, trendSentence(r, e), Math.sqrt(chiSquared), age(r.area().period(), newest)));
    }
    List<SummaryPoint> points = ranked(candidates);
    String leadIn;
    if (candidates.isEmpty()) {
      leadIn =
          "No indicator shows a significant trend for the "
              + (better ? "better" : "worse")
              + " over its last five periods.";
    } else {
      leadIn =
          count(candidates.size())
              + (candidates.size() == 1 ? " shows" : " show")
              + " a significant trend for the "
              + (better ? "better" : "worse")
              + " over the last five periods"
              + (candidates.size() > MOST ? "; the " + MOST + " strongest:" : ", strongest first:");
      leadIn = Character.toUpperCase(leadIn.charAt(0)) + leadIn.substring(1);
    }
    return new SummaryHeading(kind, title, leadIn, candidates.size(), points);
  }

  /** The best-scoring points first (ties by title), at most {@link #MOST}. */
  static List<SummaryPoint> ranked(List<SummaryPoint> candidates) {
    return candidates.stream()
        .sorted(
            Comparator.comparingDouble(SummaryPoint::score)
                .reversed()
                .thenComparing(p -> p.row().indicator().title()))
        .limit(MOST)
        .toList();
  }

  /**
   * 1, halved for each of: an interval wider than the gap to the reference, fewer than {@link
   * #FEW_EVENTS} events, data more than {@link #OLD_AFTER_YEARS} years old or undated.
   */
  static double reliability(AreaComparison area, Double reference, LocalDate newest) {
    double weight = 1;
    if (area.lower95() != null
        && area.upper95() != null
        && reference != null
        && area.upper95() - area.lower95() > Math.abs(area.value() - reference)) {
      weight /= 2;
    }
    if (area.numerator() != null && area.numerator() < FEW_EVENTS) {
      weight /= 2;
    }
    return weight * age(area.period(), newest);
  }

  /** 1 for recent data, 0.5 for data older than {@link #OLD_AFTER_YEARS} years or undated. */
  static double age(String period, LocalDate newest) {
    LocalDate start = lastCollected(period);
    if (start == null) {
      return 0.5;
    }
    return newest != null && start.plusYears(OLD_AFTER_YEARS).isBefore(newest) ? 0.5 : 1;
  }

  private static final Pattern POOLED_YEARS = Pattern.compile("\\d{4}-(\\d{4})");
  private static final Pattern POOLED_SPLIT_YEARS =
      Pattern.compile("\\d{4}/\\d{2}-(\\d{4})/\\d{2}");

  /** When a period's data were last collected: its start, or its last year's for pooled years. */
  static LocalDate lastCollected(String period) {
    Period p = Period.parse(period);
    if (p == null) {
      return null;
    }
    Matcher m;
    if ((m = POOLED_YEARS.matcher(p.label())).matches()) {
      return LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
    }
    if ((m = POOLED_SPLIT_YEARS.matcher(p.label())).matches()) {
      return LocalDate.of(Integer.parseInt(m.group(1)), 4, 1);
    }
    return p.start();
  }

  /**
   * e.g. "Healthy life expectancy (males) is 59.2 years, 1.7 years below England (60.9),
   * 2022-2024." Indicators compared by rank add it, e.g. "; 4th best of 42 systems".
   */
  static String sentence(ProfileRow r, String label, Double reference, boolean england) {
    Unit unit = Unit.of(r.indicator().unit());
    double value = r.area().value();
    StringBuilder s = new StringBuilder();
    s.append(r.indicator().title()).append(" is ").append(unit.value(value));
    if (reference != null) {
      double gap = value - reference;
      String referenceText = label + " (" + unit.bare(value, reference) + ")";
      if (unit.bare(value, Math.abs(gap)).equals(unit.bare(value, 0.0))) {
        s.append(", close to ").append(referenceText);
      } else {
        s.append(", ")
            .append(unit.difference(value, Math.abs(gap)))
            .append(gap > 0 ? " above " : " below ")
            .append(referenceText);
      }
    }
    s.append(", ").append(r.area().period());
    if (r.area().comparedByQuintile() && r.rank() != null) {
      s.append("; ")
          .append(
              r.bestFifth()
                  ? "in the best fifth of "
                  : r.worstFifth() ? "in the worst fifth of " : "")
          .append("the systems (")
          .append(ProfileRow.ordinal(r.rank()))
          .append(" of ")
          .append(r.ranked())
          .append(
              r.indicator().polarity() == org.fourthpurpose.indicator.Polarity.NEITHER
                  ? ", 1st is highest)"
                  : ", 1st is best)");
    }
    return s.append('.').toString();
  }

  /** e.g. "Adult obesity rose from 27.1% of adults in 2020/21 to 29.6% in 2024/25 (England …)". */
  static String trendSentence(ProfileRow r, Evidence e) {
    Unit unit = Unit.of(r.indicator().unit());
    double from = e.trendFrom().value();
    double to = e.trendTo().value();
    StringBuilder s = new StringBuilder();
    s.append(r.indicator().title())
        .append(to > from ? " rose from " : to < from ? " fell from " : " moved from ")
        .append(unit.value(from))
        .append(" in ")
        .append(e.trendFrom().period().label())
        .append(" to ")
        .append(unit.bare(to, to))
        .append(" in ")
        .append(e.trendTo().period().label());
    if (r.englandValue() != null) {
      s.append(" (England ").append(unit.bare(to, r.englandValue())).append(')');
    }
    return s.append('.').toString();
  }

  private static String count(int n) {
    return n + (n == 1 ? " indicator" : " indicators");
  }

  /**
   * How a unit reads after a number: "29.6% of adults", "£625 per week", "59.2 years", "7.4 out of
   * 10"; a difference in percentages is in percentage points.
   *
   * @param prefix written before the number ("£")
   * @param suffix written straight after the number ("%")
   * @param words written after the number and a space ("of adults", "years")
   * @param gapWords what a difference is in ("percentage points", "years"), possibly empty
   */
  record Unit(String prefix, String suffix, String words, String gapWords) {

    private static final Map<String, Unit> FIXED = new LinkedHashMap<>();

    static {
      FIXED.put("score", new Unit("", "", "", ""));
      FIXED.put("ratio", new Unit("", "", "", ""));
      FIXED.put("mean score (0 to 10)", new Unit("", "", "out of 10", "points"));
      FIXED.put("proportion of people (0 to 1)", new Unit("", "", "(proportion, 0 to 1)", ""));
    }

    static Unit of(String unit) {
      String u = unit == null ? "" : unit.strip();
      Unit fixed = FIXED.get(u.toLowerCase(Locale.ROOT));
      if (fixed != null) {
        return fixed;
      }
      if (u.startsWith("%")) {
        return new Unit("", "%", u.substring(1).strip(), "percentage points");
      }
      if (u.startsWith("£")) {
        return new Unit("£", "", u.substring(1).strip(), "");
      }
      if (u.startsWith("index")) {
        return new Unit("", "", "(" + u.replaceFirst(" \\(", ", ").replace(")", "") + ")", "");
      }
      String plain = u.replaceAll(" ?\\(.*\\)", "");
      return new Unit("", "", u, plain);
    }

    /** The value with its whole unit: "29.6% of adults". */
    String value(double value) {
      String text = prefix + ValueText.format(value) + suffix;
      return words.isEmpty() ? text : text + " " + words;
    }

    /**
     * A number in the same form without the unit's words ("26.6%", "£648"), to the value's
     * precision.
     */
    String bare(double like, double number) {
      return prefix + formatLike(like, number) + suffix;
    }

    /** A difference: "3.0 percentage points", "£23", "1.7 years". */
    String difference(double like, double gap) {
      String number = prefix + formatLike(like, gap);
      if (!gapWords.isEmpty()) {
        return number + " " + gapWords;
      }
      return number + suffix;
    }

    /** A number with as many decimal places as {@link ValueText#format} gives {@code like}. */
    static String formatLike(double like, double number) {
      double size = Math.abs(like);
      String pattern = size >= 100 ? "#,##0" : size >= 1 ? "#,##0.0" : "0.000";
      return new java.text.DecimalFormat(
              pattern, java.text.DecimalFormatSymbols.getInstance(Locale.UK))
          .format(number);
    }
  }
}
