package org.fourthpurpose.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time an indicator value describes, written one way everywhere so that values from different
 * sources line up.
 *
 * <p>The accepted forms are {@code 2023} (a calendar year), {@code 2023/24} (a financial or
 * academic year), {@code 2023-04} (a month), {@code 2023-Q2} (a calendar quarter), {@code
 * 2021-2023} (pooled calendar years) and {@code 2019/20-2021/22} (pooled financial years). {@link
 * #start} orders periods of different kinds on one time line.
 */
public record Period(String label, LocalDate start) implements Comparable<Period> {

  /** What the accepted period forms look like, for error messages and page help. */
  public static final String FORMATS =
      "2023, 2023/24, 2023-04, 2023-Q2, 2021-2023 or 2019/20-2021/22";

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern SPLIT_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");
  private static final Pattern SPLIT_YEARS = Pattern.compile("(\\d{4})/(\\d{2})-(\\d{4})/(\\d{2})");

  /** Reads a period in one of the {@link #FORMATS}; returns null when the text is not one. */
  public static Period parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    Matcher m;
    if ((m = YEAR.matcher(t)).matches()) {
      int year = Integer.parseInt(m.group(1));
      return plausible(year) ? new Period(t, LocalDate.of(year, 1, 1)) : null;
    }
    if ((m = SPLIT_YEAR.matcher(t)).matches()) {
      int year = Integer.parseInt(m.group(1));
      return plausible(year) && followsOn(year, m.group(2))
          ? new Period(t, LocalDate.of(year, 4, 1))
          : null;
    }
    if ((m = MONTH.matcher(t)).matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      return plausible(year) && month >= 1 && month <= 12
          ? new Period(t, YearMonth.of(year, month).atDay(1))
          : null;
    }
    if ((m = QUARTER.matcher(t)).matches()) {
      int year = Integer.parseInt(m.group(1));
      int quarter = Integer.parseInt(m.group(2));
      return plausible(year) ? new Period(t, LocalDate.of(year, quarter * 3 - 2, 1)) : null;
    }
    if ((m = YEARS.matcher(t)).matches()) {
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(2));
      return plausible(from) && to > from && to - from < 20
          ? new Period(t, LocalDate.of(from, 1, 1))
          : null;
    }
    if ((m = SPLIT_YEARS.matcher(t)).matches()) {
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(3));
      return plausible(from)
              && followsOn(from, m.group(2))
              && followsOn(to, m.group(4))
              && to > from
              && to - from < 20
          ? new Period(t, LocalDate.of(from, 4, 1))
          : null;
    }
    return null;
  }

  /** A calendar year. */
  public static Period year(int year) {
    return new Period(Integer.toString(year), LocalDate.of(year, 1, 1));
  }

  /** A financial or academic year starting in {@code year}, e.g. 2023/24. */
  public static Period splitYear(int year) {
    return new Period(String.format("%d/%02d", year, (year + 1) % 100), LocalDate.of(year, 4, 1));
  }

  /** A calendar month. */
  public static Period month(YearMonth month) {
    return new Period(month.toString(), month.atDay(1));
  }

  /** Several calendar years pooled, e.g. 2021-2023. */
  public static Period years(int from, int to) {
    return from == to ? year(from) : new Period(from + "-" + to, LocalDate.of(from, 1, 1));
  }

  /**
   * Converts an ISO 8601 start date with an optional duration, as ONS Explore Local Statistics
   * writes periods ({@code 2023-01-01/P1Y}, {@code 2021-09-01/P1Y}, {@code 2020-01-01/P3Y}, or a
   * bare date). A one-year period starting in January is a calendar year; starting later, a
   * financial or academic year; several years are pooled calendar years; a bare date is the
   * calendar year it falls in.
   */
  public static Period fromIsoInterval(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    LocalDate start = LocalDate.parse(slash < 0 ? t : t.substring(0, slash));
    if (slash < 0) {
      return year(start.getYear());
    }
    String duration = t.substring(slash + 1);
    Matcher m = Pattern.compile("P(\\d+)Y").matcher(duration);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported period duration in " + text);
    }
    int years = Integer.parseInt(m.group(1));
    if (years == 1) {
      return start.getMonthValue() == 1 ? year(start.getYear()) : splitYear(start.getYear());
    }
    return years(start.getYear(), start.getYear() + years - 1);
  }

  private static boolean plausible(int year) {
    return year >= 1900 && year <= 2100;
  }

  private static boolean followsOn(int year, String twoDigits) {
    return Integer.parseInt(twoDigits) == (year + 1) % 100;
  }

  @Override
  public int compareTo(Period other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : label.compareTo(other.label);
  }

  @Override
  public String toString() {
    return label;
  }
}
