package org.fourthpurpose.statistics.web;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.statistics.Spc;
import org.fourthpurpose.statistics.SpcInput;
import org.fourthpurpose.statistics.SpcOptions;
import org.fourthpurpose.statistics.SpcPoint;
import org.fourthpurpose.statistics.SpcResult;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.PayloadTooLargeException;

/**
 * The CSV body of {@code POST /api/v1/spc} read and charted: columns {@code x} (ISO date), {@code
 * y} (number) and optionally {@code facet}, matched ignoring case and surrounding spaces; other
 * columns pass through. Every row is checked before anything is computed, and the first problem is
 * refused with its line and column.
 *
 * @param header the header row as sent
 * @param rows the data rows in their order
 * @param facets each facet's name (null without a facet column) and chart, in order of first
 *     appearance
 * @param pointOfRow for each data row, its point on its facet's chart
 * @param facetOfRow for each data row, its facet's name (null without a facet column)
 */
record SpcTable(
    CsvRecord header,
    List<CsvRecord> rows,
    Map<String, SpcResult> facets,
    List<SpcPoint> pointOfRow,
    List<String> facetOfRow) {

  /** More rows than this should go through a batch job, not one HTTP request. */
  static final int MAX_ROWS = 200_000;

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** A facet's points with the row each came from. */
  private static final class Series {
    final List<SpcInput> points = new ArrayList<>();
    final List<Integer> rows = new ArrayList<>();
    final Map<LocalDate, Long> lineOfDate = new HashMap<>();
    long firstLine;
  }

  static SpcTable read(Reader body, SpcOptions options) throws IOException {
    CsvReader reader = new CsvReader(body);
    Optional<CsvRecord> first = reader.next();
    if (first.isEmpty()) {
      throw problem(
          "the request body is empty: send CSV with a header row naming the columns x, y and"
              + " optionally facet",
          null,
          null);
    }
    CsvRecord header = first.get();
    int x = column(header, "x", true);
    int y = column(header, "y", true);
    int facet = column(header, "facet", false);

    List<CsvRecord> rows = new ArrayList<>();
    Map<String, Series> byFacet = new LinkedHashMap<>();
    for (Optional<CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
      CsvRecord record = next.get();
      if (record.size() == 1 && record.field(0).isBlank()) {
        continue; // a blank line, as spreadsheets often add at the end
      }
      if (rows.size() == MAX_ROWS) {
        throw new PayloadTooLargeException(
            "too-many-rows",
            "Too many rows",
            "the body has more than " + MAX_ROWS + " data rows; split it into smaller requests");
      }
      if (record.size() != header.size()) {
        throw problem(
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
      LocalDate date = date(record, x);
      double value = number(record, y);
      String name = facet < 0 ? null : record.field(facet).strip();
      Series series = byFacet.computeIfAbsent(name, k -> new Series());
      if (series.points.isEmpty()) {
        series.firstLine = record.line();
      }
      Long earlier = series.lineOfDate.putIfAbsent(date, record.line());
      if (earlier != null) {
        throw problem(
            "line "
                + record.line()
                + ", column "
                + (x + 1)
                + ": the date "
                + date
                + " appears twice"
                + (name == null ? "" : " for facet '" + name + "'")
                + " (first on line "
                + earlier
                + "); each facet needs one value per date",
            record.line(),
            x + 1);
      }
      series.points.add(new SpcInput(date, value));
      series.rows.add(rows.size());
      rows.add(record);
    }
    if (rows.isEmpty()) {
      throw problem(
          "the body has a header but no data rows: an XmR chart needs at least 2 points",
          header.line(),
          null);
    }

    Map<String, SpcResult> facets = new LinkedHashMap<>();
    SpcPoint[] pointOfRow = new SpcPoint[rows.size()];
    String[] facetOfRow = new String[rows.size()];
    for (Map.Entry<String, Series> entry : byFacet.entrySet()) {
      Series series = entry.getValue();
      if (series.points.size() < 2) {
        throw problem(
            "line "
                + series.firstLine
                + ", column "
                + (y + 1)
                + ": "
                + (entry.getKey() == null ? "the series" : "facet '" + entry.getKey() + "'")
                + " has only 1 point; an XmR chart needs at least 2",
            series.firstLine,
            y + 1);
      }
      SpcResult result = Spc.xmr(series.points, options);
      facets.put(entry.getKey(), result);
      Map<LocalDate, SpcPoint> byDate = new HashMap<>();
      for (SpcPoint point : result.points()) {
        byDate.put(point.x(), point);
      }
      for (int i = 0; i < series.points.size(); i++) {
        int row = series.rows.get(i);
        pointOfRow[row] = byDate.get(series.points.get(i).x());
        facetOfRow[row] = entry.getKey();
      }
    }
    return new SpcTable(
        header,
        rows,
        facets,
        java.util.Arrays.asList(pointOfRow),
        java.util.Arrays.asList(facetOfRow));
  }

  private static int column(CsvRecord header, String name, boolean required) {
    int found = -1;
    for (int c = 0; c < header.size(); c++) {
      if (header.field(c).strip().equalsIgnoreCase(name)) {
        if (found >= 0) {
          throw problem(
              "line "
                  + header.line()
                  + ": the header names column '"
                  + name
                  + "' twice (columns "
                  + (found + 1)
                  + " and "
                  + (c + 1)
                  + ")",
              header.line(),
              c + 1);
        }
        found = c;
      }
    }
    if (found < 0 && required) {
      throw problem(
          "line "
              + header.line()
              + ": the header row has no column '"
              + name
              + "'; send a header row with columns x, y and optionally facet (found: "
              + String.join(", ", header.fields())
              + ")",
          header.line(),
          null);
    }
    return found;
  }

  private static LocalDate date(CsvRecord record, int column) {
    String text = record.field(column).strip();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(
          "line "
              + record.line()
              + ", column "
              + (column + 1)
              + " (x): '"
              + shorten(text)
              + "' is not a date in the form YYYY-MM-DD",
          record.line(),
          column + 1);
    }
  }

  private static double number(CsvRecord record, int column) {
    String text = record.field(column).strip();
    double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw problem(
          "line "
              + record.line()
              + ", column "
              + (column + 1)
              + " (y): '"
              + shorten(text)
              + "' is not a number"
              + (text.isEmpty() ? " (the value is missing)" : ""),
          record.line(),
          column + 1);
    }
    return value;
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  static InvalidInputException problem(String detail, Long line, Integer column) {
    return InvalidInputException.inFile(
        "bad-spc-request", "Bad SPC request", null, line, column, detail);
  }
}
