package org.fourthpurpose.indicator.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.ValueType;
import org.fourthpurpose.indicator.importing.RowSource.Field;

/**
 * Checks each row of an import and remembers every problem (up to a limit, counting the rest):
 * unknown indicator or area, a period not in an accepted form, text where a number should be, a
 * denominator of zero or less, no value, an interval the wrong way round, and the same indicator,
 * area and period twice.
 */
final class RowChecker {

  static final int MAX_PROBLEMS_KEPT = 1_000;

  private final Map<String, Indicator> indicators;
  private final ImportAreas areas;
  private final RowSource source;
  private final Map<String, Integer> indicatorIndex = new HashMap<>();
  private final Map<String, Integer> areaIndex = new HashMap<>();
  private final Map<String, Integer> periodIndex = new HashMap<>();
  private final Map<String, Period> periods = new HashMap<>();
  private final LongLongMap firstLineOfKey = new LongLongMap(1 << 16);
  private final List<ImportProblem> problems = new ArrayList<>();
  private long problemCount;
  private final java.util.Set<String> indicatorsSeen = new java.util.TreeSet<>();

  RowChecker(Map<String, Indicator> indicators, ImportAreas areas, RowSource source) {
    this.indicators = indicators;
    this.areas = areas;
    this.source = source;
  }

  /** The row as stored, or null when it has any problem (each is recorded). */
  CheckedRow check(RawRow row) {
    long before = problemCount;
    Indicator indicator = null;
    String indicatorText = strip(row.indicator());
    if (indicatorText == null) {
      problem(row, Field.INDICATOR, "is empty: give the indicator's id from the catalogue");
    } else {
      indicator = indicators.get(indicatorText);
      if (indicator == null) {
        problem(
            row,
            Field.INDICATOR,
            "'" + indicatorText + "' is not an indicator in the catalogue for this workspace");
      }
    }
    ImportAreas.Area area = null;
    String areaText = strip(row.areaCode());
    if (areaText == null) {
      problem(row, Field.AREA_CODE, "is empty");
    } else {
      area = areas.find(areaText);
      if (area == null) {
        problem(row, Field.AREA_CODE, areas.unknown(areaText));
      }
    }
    Period period = null;
    String periodText = strip(row.period());
    if (periodText == null) {
      problem(row, Field.PERIOD, "is empty");
    } else {
      period = periods.computeIfAbsent(periodText, Period::parse);
      if (period == null) {
        periods.remove(periodText);
        problem(
            row,
            Field.PERIOD,
            "'" + periodText + "' is not a period in an accepted form (" + Period.FORMATS + ")");
      }
    }
    Double value = number(row, Field.VALUE, row.value());
    Double numerator = number(row, Field.NUMERATOR, row.numerator());
    Double denominator = number(row, Field.DENOMINATOR, row.denominator());
    Double lower = number(row, Field.LOWER_CI, row.lowerCi());
    Double upper = number(row, Field.UPPER_CI, row.upperCi());
    if (denominator != null && denominator <= 0) {
      problem(
          row, Field.DENOMINATOR, "is " + row.denominator().strip() + ": it must be more than 0");
      denominator = null;
    }
    if (numerator != null && numerator < 0) {
      problem(row, Field.NUMERATOR, "is negative");
    }
    if (value == null && isBlank(row.value())) {
      if (numerator != null && denominator != null) {
        if (indicator != null) {
          value = numerator / denominator * multiplier(indicator);
        }
      } else if (isBlank(row.numerator()) || isBlank(row.denominator())) {
        problem(row, Field.VALUE, "is empty: give a value, or a numerator and a denominator");
      }
    }
    if (lower != null && upper != null && lower > upper) {
      problem(row, Field.LOWER_CI, "is greater than upper_ci (" + row.upperCi().strip() + ")");
    }
    if (indicator != null && area != null && period != null) {
      long key = key(indicator.id(), area.code(), period.label());
      long first = firstLineOfKey.putIfAbsent(key, row.line());
      if (first >= 0) {
        problem(
            row,
            Field.PERIOD,
            "repeats line "
                + first
                + ": "
                + indicator.id()
                + ", "
                + area.code()
                + ", "
                + period.label()
                + " may appear only once");
      }
    }
    if (problemCount > before || value == null) {
      return null;
    }
    indicatorsSeen.add(indicator.id());
    return new CheckedRow(
        row.line(),
        indicator.id(),
        area.code(),
        area.level(),
        period,
        value,
        numerator,
        denominator,
        lower,
        upper);
  }

  /** What a numerator over a denominator is multiplied by to give the indicator's unit. */
  static double multiplier(Indicator indicator) {
    String unit = indicator.unit().toLowerCase(java.util.Locale.ROOT);
    if (indicator.valueType() == ValueType.PROPORTION && unit.startsWith("%")) {
      return 100;
    }
    if (unit.contains("per 100,000")) {
      return 100_000;
    }
    if (unit.contains("per 10,000")) {
      return 10_000;
    }
    if (unit.contains("per 1,000")) {
      return 1_000;
    }
    if (unit.contains("per 100")) {
      return 100;
    }
    return 1;
  }

  List<ImportProblem> problems() {
    return problems;
  }

  long problemCount() {
    return problemCount;
  }

  java.util.Set<String> indicatorsSeen() {
    return indicatorsSeen;
  }

  /**
   * Whether a row for this indicator, area and period (as stored) was checked, with or without
   * problems.
   */
  boolean sawKey(String indicator, String area, String period) {
    Integer i = indicatorIndex.get(indicator);
    Integer a = areaIndex.get(area);
    Integer p = periodIndex.get(period);
    return i != null
        && a != null
        && p != null
        && firstLineOfKey.get(((long) i << 40) | ((long) a << 20) | p) >= 0;
  }

  /** Records a problem with the file as a whole (not a row). */
  void fileProblem(ImportProblem problem) {
    problemCount++;
    if (problems.size() < MAX_PROBLEMS_KEPT) {
      problems.add(problem);
    }
  }

  private long key(String indicator, String area, String period) {
    long i = indicatorIndex.computeIfAbsent(indicator, k -> indicatorIndex.size());
    long a = areaIndex.computeIfAbsent(area, k -> areaIndex.size());
    long p = periodIndex.computeIfAbsent(period, k -> periodIndex.size());
    return (i << 40) | (a << 20) | p;
  }

  private Double number(RawRow row, Field field, String text) {
    if (isBlank(text)) {
      return null;
    }
    String t = text.strip();
    char last = t.charAt(t.length() - 1);
    if (!(Character.isDigit(last) || last == '.') || t.indexOf('x') >= 0 || t.indexOf('X') >= 0) {
      // Java would read "1.5d" or "0x1p3"; a spreadsheet would not.
      problem(row, field, "'" + t + "' is not a number");
      return null;
    }
    try {
      double parsed = Double.parseDouble(t);
      if (!Double.isFinite(parsed)) {
        problem(row, field, "'" + t + "' is not a finite number");
        return null;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(row, field, "'" + t + "' is not a number");
      return null;
    }
  }

  private void problem(RawRow row, Field field, String message) {
    problemCount++;
    if (problems.size() < MAX_PROBLEMS_KEPT) {
      problems.add(new ImportProblem(row.line(), source.column(field), message));
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String strip(String text) {
    return isBlank(text) ? null : text.strip();
  }
}
