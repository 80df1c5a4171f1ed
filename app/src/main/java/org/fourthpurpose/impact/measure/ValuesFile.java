package org.fourthpurpose.impact.measure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fourthpurpose.csv.CsvFormatException;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.indicator.importing.ImportFileException;
import org.fourthpurpose.indicator.importing.WorkbookLimits;

/**
 * A measure's values uploaded as CSV (UTF-8) or as the first sheet of an Excel workbook: a header
 * with a {@code period} (or {@code date}) column and a {@code value} column, then one row per
 * period. Read whole, within limits ({@value #MAXIMUM_ROWS} rows; workbooks are first checked by
 * the catalogue's {@link WorkbookLimits}); every problem is reported by line and column and the
 * file is refused whole ({@link ValuesRefused}). Blank rows are skipped. In a workbook, a date cell
 * is read as its day and a whole number from 1900 to 2100 as a year.
 */
final class ValuesFile {

  /** Rows a file may hold: 27 years of daily values. */
  static final int MAXIMUM_ROWS = 10_000;

  /** Problems listed for one file. */
  static final int MAXIMUM_PROBLEMS = 100;

  private ValuesFile() {}

  /** One cell as read: its text, or for a workbook's number cell, the number too. */
  private record Raw(String text, java.math.BigDecimal number) {}

  /**
   * Reads the values of a file.
   *
   * @throws ValuesRefused naming the line and column of every problem
   */
  static List<MeasureValue> read(String fileName, byte[] bytes) {
    String name = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
    if (bytes.length == 0) {
      throw ValuesRefused.of(
          name, 0, null, "is empty: choose a CSV or Excel file with a header row");
    }
    boolean workbook = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
    List<List<Raw>> lines = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    if (workbook) {
      readWorkbook(name, bytes, lines, numbers);
    } else {
      readCsv(name, bytes, lines, numbers);
    }
    if (lines.isEmpty()) {
      throw ValuesRefused.of(
          name, 1, null, "has no header row: the first row names the columns period and value");
    }
    List<Raw> header = lines.get(0);
    int period = -1;
    int value = -1;
    List<ValuesRefused.Problem> problems = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String h =
          header.get(i).text() == null ? "" : header.get(i).text().strip().toLowerCase(Locale.ROOT);
      if (h.equals("period") || h.equals("date")) {
        if (period >= 0) {
          problems.add(
              new ValuesRefused.Problem(
                  numbers.get(0), column(i, h), "a second period or date column: keep one"));
        }
        period = i;
      } else if (h.equals("value")) {
        if (value >= 0) {
          problems.add(new ValuesRefused.Problem(numbers.get(0), column(i, h), "appears twice"));
        }
        value = i;
      } else if (!h.isEmpty()) {
        problems.add(
            new ValuesRefused.Problem(
                numbers.get(0),
                column(i, h.length() > 40 ? h.substring(0, 39) + "…" : h),
                "is not a column of this file: use period (or date) and value"));
      }
    }
    if (period < 0) {
      problems.add(
          new ValuesRefused.Problem(
              numbers.get(0), null, "the header row has no period (or date) column"));
    }
    if (value < 0) {
      problems.add(
          new ValuesRefused.Problem(numbers.get(0), null, "the header row has no value column"));
    }
    if (!problems.isEmpty()) {
      throw new ValuesRefused(name, problems);
    }
    List<MeasureValue> values = new ArrayList<>();
    Map<LocalDate, Long> seen = new HashMap<>();
    String periodColumn =
        column(period, header.get(period).text().strip().toLowerCase(Locale.ROOT));
    String valueColumn = column(value, "value");
    for (int r = 1; r < lines.size(); r++) {
      List<Raw> cells = lines.get(r);
      if (cells.stream().allMatch(c -> c.text() == null || c.text().isBlank())) {
        continue;
      }
      long line = numbers.get(r);
      Raw p = cell(cells, period);
      Raw v = cell(cells, value);
      Double number = number(v);
      if (v.text() == null || v.text().isBlank()) {
        problems.add(new ValuesRefused.Problem(line, valueColumn, "is empty: give a number"));
      } else if (number == null) {
        problems.add(
            new ValuesRefused.Problem(
                line,
                valueColumn,
                "'" + shorten(v.text()) + "' is not a number: write it like 54.2, without units"));
      }
      Optional<MeasureValue> parsed = Optional.empty();
      if (p.text() == null || p.text().isBlank()) {
        problems.add(
            new ValuesRefused.Problem(
                line, periodColumn, "is empty: give the period, e.g. " + Periods.FORMS));
      } else {
        parsed = periodOf(p, number == null ? 0 : number);
        if (parsed.isEmpty()) {
          problems.add(
              new ValuesRefused.Problem(
                  line,
                  periodColumn,
                  "'" + shorten(p.text()) + "' is not a period: write it as " + Periods.FORMS));
        } else {
          Long earlier = seen.putIfAbsent(parsed.get().period(), line);
          if (earlier != null) {
            problems.add(
                new ValuesRefused.Problem(
                    line,
                    periodColumn,
                    "the same period as line " + earlier + " (" + parsed.get().label() + ")"));
          }
        }
      }
      if (number != null && parsed.isPresent()) {
        values.add(parsed.get());
      }
      if (problems.size() >= MAXIMUM_PROBLEMS) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new ValuesRefused(name, problems);
    }
    if (values.isEmpty()) {
      throw ValuesRefused.of(name, numbers.get(0), null, "has a header but no rows");
    }
    return values;
  }

  private static Optional<MeasureValue> periodOf(Raw p, double value) {
    if (p.number() != null) {
      java.math.BigDecimal n = p.number();
      if (n.stripTrailingZeros().scale() <= 0) {
        long whole = n.longValue();
        if (whole >= 1900 && whole <= 2100) {
          return Periods.period(Long.toString(whole), value);
        }
        if (whole > 0 && whole < 73051) {
          // An Excel date: days since 30 December 1899 (up to the end of 2099).
          LocalDate day = LocalDate.of(1899, 12, 30).plusDays(whole);
          return Optional.of(new MeasureValue(day, value, day.toString()));
        }
      }
      return Optional.empty();
    }
    return Periods.period(p.text(), value);
  }

  private static Double number(Raw v) {
    if (v.number() != null) {
      double d = v.number().doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    if (v.text() == null) {
      return null;
    }
    String t = v.text().strip();
    if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?")) {
      return null;
    }
    double d = Double.parseDouble(t);
    return Double.isFinite(d) && Math.abs(d) < 1e15 ? d : null;
  }

  private static Raw cell(List<Raw> cells, int i) {
    return i < cells.size() && cells.get(i) != null ? cells.get(i) : new Raw(null, null);
  }

  static String column(int index, String name) {
    StringBuilder letters = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int r = (n - 1) % 26;
      letters.insert(0, (char) ('A' + r));
      n = (n - 1) / 26;
    }
    return letters + " (" + name + ")";
  }

  private static String shorten(String text) {
    String t = text.strip();
    return t.length() <= 40 ? t : t.substring(0, 39) + "…";
  }

  private static void readCsv(
      String name, byte[] bytes, List<List<Raw>> lines, List<Long> numbers) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (CsvReader reader =
        new CsvReader(new InputStreamReader(new ByteArrayInputStream(bytes), decoder))) {
      Optional<CsvRecord> record;
      while ((record = reader.next()).isPresent()) {
        if (lines.size() > MAXIMUM_ROWS) {
          throw ValuesRefused.of(
              name,
              record.get().line(),
              null,
              "has more than " + MAXIMUM_ROWS + " rows: split it into smaller files");
        }
        List<Raw> cells = new ArrayList<>();
        for (String f : record.get().fields()) {
          cells.add(new Raw(f, null));
        }
        lines.add(cells);
        numbers.add(record.get().line());
      }
    } catch (CsvFormatException e) {
      String problem = e.getMessage();
      int where = problem.lastIndexOf(" (line ");
      throw ValuesRefused.of(
          name, e.line(), null, where > 0 ? problem.substring(0, where) : problem);
    } catch (CharacterCodingException e) {
      throw ValuesRefused.of(
          name,
          lines.size() + 1L,
          null,
          "is not UTF-8 text: save it as CSV UTF-8, or as an Excel workbook");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readWorkbook(
      String name, byte[] bytes, List<List<Raw>> lines, List<Long> numbers) {
    Path spool = null;
    try {
      spool = Files.createTempFile("impact-values-", ".xlsx");
      Files.write(spool, bytes);
      try {
        WorkbookLimits.check(spool, name);
      } catch (ImportFileException e) {
        throw ValuesRefused.of(
            name, e.problem().line(), e.problem().column(), e.problem().message());
      }
      try (ReadableWorkbook workbook = new ReadableWorkbook(spool.toFile());
          Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
        var iterator = sheet.iterator();
        while (iterator.hasNext()) {
          Row row = iterator.next();
          if (lines.size() > MAXIMUM_ROWS) {
            throw ValuesRefused.of(
                name,
                row.getRowNum(),
                null,
                "has more than " + MAXIMUM_ROWS + " rows: split it into smaller files");
          }
          List<Raw> cells = new ArrayList<>();
          for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(raw(row, i));
          }
          lines.add(cells);
          numbers.add((long) row.getRowNum());
        }
      }
    } catch (ValuesRefused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ValuesRefused.of(
          name,
          0,
          null,
          "is not an Excel workbook (.xlsx) that can be read: save it again as .xlsx or CSV");
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          spool.toFile().deleteOnExit();
        }
      }
    }
  }

  private static Raw raw(Row row, int i) {
    if (!row.hasCell(i)) {
      return new Raw(null, null);
    }
    Cell cell = row.getCell(i);
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return new Raw(null, null);
    }
    if (cell.getType() == CellType.NUMBER) {
      java.math.BigDecimal n = cell.asNumber();
      return new Raw(n.stripTrailingZeros().toPlainString(), n);
    }
    return new Raw(cell.getText(), null);
  }
}
