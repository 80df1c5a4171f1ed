package org.fourthpurpose.statistics.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.csv.CsvWriter;
import org.fourthpurpose.statistics.ByarsInterval;
import org.fourthpurpose.statistics.ConfidenceInterval;
import org.fourthpurpose.statistics.ConfidenceLevel;
import org.fourthpurpose.statistics.StudentTInterval;
import org.fourthpurpose.statistics.WilsonInterval;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.springframework.stereotype.Component;

/**
 * Adds a value and its confidence limits to every row of a CSV: reads the rows as they come, writes
 * each one back with its original fields untouched, then {@code value}, the requested limits and a
 * {@code note}. A row that cannot be computed keeps empty values and a note naming the column at
 * fault; a body that is not usable CSV fails as a whole.
 */
@Component
class StatisticsCsvCalculator {

  /** More rows than this should go through a batch job, not one HTTP request. */
  static final int MAX_ROWS = 200_000;

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final MathContext SIGNIFICANT_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

  /**
   * The CSV with the statistic added.
   *
   * @param levels the confidence levels to add limits for, 95% before 99.8%
   * @param multiplier scales proportions and rates (ignored for means)
   * @throws BadStatisticsRequestException if the body is empty, lacks a required column, or has a
   *     row with a different number of fields from the header
   * @throws org.fourthpurpose.csv.CsvFormatException if the body is not valid CSV
   */
  String calculate(
      StatisticMethod method, List<ConfidenceLevel> levels, double multiplier, Reader body)
      throws IOException {
    CsvReader reader = new CsvReader(body);
    Optional<CsvRecord> first = reader.next();
    if (first.isEmpty()) {
      throw badRequest(
          "the request body is empty: send CSV with a header row naming the columns "
              + String.join(", ", method.requiredColumns()));
    }
    CsvRecord header = first.get();
    int[] columns = requiredColumnIndexes(method, header);

    StringWriter out = new StringWriter();
    CsvWriter writer = new CsvWriter(out);
    List<String> outputHeader = new ArrayList<>(header.fields());
    outputHeader.add("value");
    for (ConfidenceLevel level : levels) {
      String suffix = level.equals(ConfidenceLevel.NINETY_FIVE) ? "95" : "998";
      outputHeader.add("lower" + suffix);
      outputHeader.add("upper" + suffix);
    }
    outputHeader.add("note");
    writer.writeRecord(outputHeader);

    int rows = 0;
    for (Optional<CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
      CsvRecord record = next.get();
      if (++rows > MAX_ROWS) {
        throw new PayloadTooLargeException(
            "too-many-rows",
            "Too many rows",
            "the body has more than " + MAX_ROWS + " data rows; split it into smaller requests");
      }
      if (record.size() != header.size()) {
        throw badRequest(
            "line "
                + record.line()
                + " has "
                + record.size()
                + " fields but the header has "
                + header.size()
                + "; quote fields that contain commas",
            record.line(),
            null);
      }
      List<String> output = new ArrayList<>(record.fields());
      output.addAll(computeRow(method, levels, multiplier, record, header, columns));
      writer.writeRecord(output);
    }
    writer.flush();
    return out.toString();
  }

  private static int[] requiredColumnIndexes(StatisticMethod method, CsvRecord header) {
    List<String> required = method.requiredColumns();
    int[] indexes = new int[required.size()];
    for (int r = 0; r < required.size(); r++) {
      indexes[r] = -1;
      for (int c = 0; c < header.size(); c++) {
        if (header.field(c).trim().equalsIgnoreCase(required.get(r))) {
          if (indexes[r] >= 0) {
            throw badRequest(
                "line "
                    + header.line()
                    + ": the header names column '"
                    + required.get(r)
                    + "' twice (columns "
                    + (indexes[r] + 1)
                    + " and "
                    + (c + 1)
                    + ")",
                header.line(),
                c + 1);
          }
          indexes[r] = c;
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (int r = 0; r < required.size(); r++) {
      if (indexes[r] < 0) {
        missing.add(required.get(r));
      }
    }
    if (!missing.isEmpty()) {
      throw badRequest(
          "line "
              + header.line()
              + ": the header row has no column "
              + quoted(missing)
              + "; method "
              + method.pathName()
              + " needs a header row with columns "
              + String.join(", ", method.requiredColumns())
              + " (found: "
              + String.join(", ", header.fields())
              + ")",
          header.line(),
          null);
    }
    return indexes;
  }

  private static List<String> computeRow(
      StatisticMethod method,
      List<ConfidenceLevel> levels,
      double multiplier,
      CsvRecord record,
      CsvRecord header,
      int[] columns) {
    List<String> problems = new ArrayList<>();
    double[] inputs = new double[columns.length];
    for (int i = 0; i < columns.length; i++) {
      inputs[i] = parse(header.field(columns[i]).trim(), record.field(columns[i]), problems);
    }
    if (problems.isEmpty()) {
      checkDomain(method, header, columns, inputs, problems);
    }
    int width = 1 + 2 * levels.size();
    List<String> added = new ArrayList<>(Collections.nCopies(width, ""));
    if (!problems.isEmpty()) {
      added.add(String.join("; ", problems));
      return added;
    }
    added.set(0, format(value(method, inputs, multiplier)));
    for (int i = 0; i < levels.size(); i++) {
      ConfidenceInterval interval = interval(method, inputs, multiplier, levels.get(i));
      added.set(1 + 2 * i, format(interval.lower()));
      added.set(2 + 2 * i, format(interval.upper()));
    }
    added.add("");
    return added;
  }

  private static double parse(String column, String text, List<String> problems) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      problems.add(column + " is missing");
      return Double.NaN;
    }
    if (!DECIMAL.matcher(trimmed).matches()) {
      problems.add(column + " is not a number: '" + text + "'");
      return Double.NaN;
    }
    double value = Double.parseDouble(trimmed);
    if (Double.isInfinite(value)) {
      problems.add(column + " is too large: '" + text + "'");
    }
    return value;
  }

  private static void checkDomain(
      StatisticMethod method,
      CsvRecord header,
      int[] columns,
      double[] inputs,
      List<String> problems) {
    String first = header.field(columns[0]).trim();
    String second = header.field(columns[1]).trim();
    switch (method) {
      case PROPORTION, RATE -> {
        if (inputs[0] < 0) {
          problems.add(first + " must not be negative");
        }
        if (inputs[1] <= 0) {
          problems.add(second + " must be greater than 0");
        }
        if (method == StatisticMethod.PROPORTION && inputs[0] > inputs[1] && inputs[1] > 0) {
          problems.add(first + " must not be greater than " + second + " for a proportion");
        }
      }
      case MEAN -> {
        String n = header.field(columns[2]).trim();
        if (inputs[1] < 0) {
          problems.add(second + " must not be negative");
        }
        if (inputs[2] != Math.rint(inputs[2])) {
          problems.add(n + " must be a whole number of observations");
        } else if (inputs[2] < 2) {
          problems.add(
              n
                  + " must be at least 2: with fewer observations the spread, and so the interval,"
                  + " cannot be estimated");
        }
      }
    }
  }

  private static double value(StatisticMethod method, double[] inputs, double multiplier) {
    return switch (method) {
      case PROPORTION, RATE -> inputs[0] / inputs[1] * multiplier;
      case MEAN -> inputs[0];
    };
  }

  private static ConfidenceInterval interval(
      StatisticMethod method, double[] inputs, double multiplier, ConfidenceLevel level) {
    return switch (method) {
      case PROPORTION -> WilsonInterval.of(inputs[0], inputs[1], level).times(multiplier);
      case RATE -> ByarsInterval.forRate(inputs[0], inputs[1], multiplier, level);
      case MEAN -> StudentTInterval.of(inputs[0], inputs[1], (long) inputs[2], level);
    };
  }

  /** Plain decimal, at most 10 significant digits, no exponent, no trailing zeros. */
  static String format(double number) {
    return new BigDecimal(number).round(SIGNIFICANT_DIGITS).stripTrailingZeros().toPlainString();
  }

  private static String quoted(List<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add("'" + name.toLowerCase(Locale.ROOT) + "'");
    }
    return String.join(", ", quoted);
  }

  /** A request the calculator cannot use: a 400 problem saying what to change. */
  static InvalidInputException badRequest(String detail) {
    return badRequest(detail, null, null);
  }

  /** The same, at a line and column of the body (either may be null). */
  static InvalidInputException badRequest(String detail, Long line, Integer column) {
    return InvalidInputException.inFile(
        "bad-statistics-request", "Bad statistics request", null, line, column, detail);
  }
}
