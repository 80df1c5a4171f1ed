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
 * denominator of zero or less, no value, an interval the wrong way round or not containing its
 * value, a value impossible for the indicator's kind of number (a proportion outside 0 to 100%, a
 * numerator above its denominator, a negative count or rate), an area type a local indicator is not
 * defined for, and the same indicator, area and period twice.
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
    if (indicator != null) {
      checkValueType(row, indicator, value, numerator, denominator, lower, upper);
    }
    if (indicator != null
        && area != null
        && !indicator.isPublic()
        && !indicator.geographyLevels().contains(area.level())) {
      problem(
          row,
          Field.AREA_CODE,
          "'"
              + areaText
              + "' is "
              + levelName(area.level())
              + "; the local indicator "
              + indicator.id()
              + " is defined for "
              + levelsText(indicator.geographyLevels())
              + " only: add the area type to its definition or leave this row out");
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

  /**
   * Refuses values impossible for the indicator's kind of number: a proportion outside its scale (0
   * to 100 for a unit in %, otherwise 0 to 1, as in the catalogue) or with a numerator above its
   * denominator; a negative count or rate; and a value outside its own interval.
   */
  private void checkValueType(
      RawRow row,
      Indicator indicator,
      Double value,
      Double numerator,
      Double denominator,
      Double lower,
      Double upper) {
    ValueType type = indicator.valueType();
    boolean partExceedsWhole = false;
    if (type == ValueType.PROPORTION
        && numerator != null
        && denominator != null
        && numerator > denominator) {
      partExceedsWhole = true;
      problem(
          row,
          Field.NUMERATOR,
          "is "
              + row.numerator().strip()
              + ", more than the denominator ("
              + row.denominator().strip()
              + "): the numerator of a proportion counts part of its denominator");
    }
    boolean given = !isBlank(row.value());
    if (type == ValueType.PROPORTION) {
      double top = proportionScale(indicator);
      // Only a problem's message needs the range in words: no string per good row.
      java.util.function.Supplier<String> range =
          () -> "a proportion in " + indicator.unit() + " must be between 0 and " + plain(top);
      if (value != null && given && (value < 0 || value > top)) {
        problem(row, Field.VALUE, "is " + row.value().strip() + ": " + range.get());
      } else if (value != null && !given && !partExceedsWhole && (value < 0 || value > top)) {
        problem(row, Field.VALUE, "works out at " + plain(value) + ": " + range.get());
      }
      if (lower != null && (lower < 0 || lower > top)) {
        problem(row, Field.LOWER_CI, "is " + row.lowerCi().strip() + ": " + range.get());
      }
      if (upper != null && (upper < 0 || upper > top)) {
        problem(row, Field.UPPER_CI, "is " + row.upperCi().strip() + ": " + range.get());
      }
    } else if (type == ValueType.COUNT || type == ValueType.RATE) {
      String kind = type == ValueType.COUNT ? "a count" : "a rate";
      if (value != null && given && value < 0) {
        problem(
            row, Field.VALUE, "is " + row.value().strip() + ": " + kind + " cannot be negative");
      }
      if (lower != null && lower < 0) {
        problem(
            row,
            Field.LOWER_CI,
            "is " + row.lowerCi().strip() + ": " + kind + " cannot be negative");
      }
    }
    if (lower != null && upper != null && lower > upper) {
      return; // Reported as an interval the wrong way round: one problem is enough.
    }
    if (value != null && lower != null && lower > value) {
      problem(
          row,
          Field.LOWER_CI,
          "is "
              + row.lowerCi().strip()
              + ", above the value ("
              + (given ? row.value().strip() : plain(value))
              + "): an interval must contain its value");
    }
    if (value != null && upper != null && upper < value) {
      problem(
          row,
          Field.UPPER_CI,
          "is "
              + row.upperCi().strip()
              + ", below the value ("
              + (given ? row.value().strip() : plain(value))
              + "): an interval must contain its value");
    }
  }

  /**
   * The largest value a proportion can take in the indicator's unit: 100 for a percentage (a unit
   * starting with %), otherwise 1 (the catalogue's "proportion of people (0 to 1)").
   */
  static double proportionScale(Indicator indicator) {
    return indicator.unit().stripLeading().startsWith("%") ? 100 : 1;
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Levels of geography in words, e.g. "England and ICBs". */
  static String levelsText(java.util.List<org.fourthpurpose.indicator.AreaLevel> levels) {
    List<String> names =
        levels.stream()
            .map(
                level ->
                    switch (level) {
                      case ENGLAND -> "England";
                      case REGION -> "regions";
                      case ICB -> "ICBs";
                      case SUB_ICB -> "sub-ICB locations";
                      case LAD -> "local authority districts";
                    })
            .toList();
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }

  /** A level of geography in words, e.g. "a sub-ICB location". */
  static String levelName(org.fourthpurpose.indicator.AreaLevel level) {
    return switch (level) {
      case ENGLAND -> "England";
      case REGION -> "a region";
      case ICB -> "an ICB";
      case SUB_ICB -> "a sub-ICB location";
      case LAD -> "a local authority district";
    };
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
