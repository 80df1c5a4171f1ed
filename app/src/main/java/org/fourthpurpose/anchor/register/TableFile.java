package org.fourthpurpose.anchor.register;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * A small table uploaded to the anchor register (organisations or commitments) as CSV or as the
 * first sheet of an Excel workbook, read whole into memory within limits: at most {@link
 * #MAXIMUM_ROWS} rows, a header naming known columns, UTF-8 text. What cannot be read is refused
 * with the line and column ({@link TableRefused}). Blank rows are skipped.
 */
public final class TableFile {

  /** Rows of data a file may hold: far more than any system's anchors or their commitments. */
  public static final int MAXIMUM_ROWS = 10_000;

  /** Problems listed for one file; a file with more says how many were left out. */
  public static final int MAXIMUM_PROBLEMS = 500;

  private final String name;
  private final List<String> header;
  private final Map<String, Integer> index;
  private final List<TableRow> rows;

  private TableFile(String name, List<String> header, List<TableRow> rows) {
    this.name = name;
    this.header = List.copyOf(header);
    this.index = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
    this.rows = List.copyOf(rows);
  }

  /** One data row: its line (or sheet row) number and its cells by column position. */
  public record TableRow(long line, List<String> cells) {}

  /** Something wrong at a line and column of a file (column null for the whole line). */
  public record FileProblem(long line, String column, String message) {

    /** "Line 4, column C (ukprn): …", as the pages and API say it. */
    public String text() {
      return (line > 0 ? "Line " + line : "The file")
          + (column == null ? "" : ", column " + column)
          + ": "
          + message;
    }
  }

  public String name() {
    return name;
  }

  public List<TableRow> rows() {
    return rows;
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }

  /** The cell of a row under a column, stripped; empty when the column or cell is missing. */
  public String cell(TableRow row, String column) {
    Integer i = index.get(column);
    if (i == null || i >= row.cells().size() || row.cells().get(i) == null) {
      return "";
    }
    return row.cells().get(i).strip();
  }

  /** A column as a problem names it: its letter and name, such as "C (ukprn)". */
  public String column(String column) {
    Integer i = index.get(column);
    return i == null ? column : letter(i) + " (" + column + ")";
  }

  /**
   * Reads an uploaded file: an Excel workbook when its bytes are a zip (as every .xlsx is),
   * otherwise UTF-8 CSV.
   *
   * @param required columns the header must have
   * @param allowed every column the header may have (the required ones included)
   * @throws TableRefused naming the line and column of what cannot be read
   */
  public static TableFile read(
      String fileName, byte[] bytes, List<String> required, Set<String> allowed) {
    String name = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
    if (bytes.length == 0) {
      throw TableRefused.of(
          name, 0, null, "is empty: choose a CSV or Excel file with a header row");
    }
    boolean workbook = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
    List<List<String>> lines = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    if (workbook) {
      readWorkbook(name, bytes, lines, numbers);
    } else {
      readCsv(name, bytes, lines, numbers);
    }
    if (lines.isEmpty()) {
      throw TableRefused.of(name, 1, null, "has no header row");
    }
    List<String> header = new ArrayList<>();
    for (String h : lines.get(0)) {
      header.add(h == null ? "" : h.strip().toLowerCase(Locale.ROOT).replace(' ', '_'));
    }
    List<FileProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (h.isEmpty()) {
        continue;
      }
      if (!allowed.contains(h)) {
        problems.add(
            new FileProblem(
                numbers.get(0),
                letter(i) + " (" + shorten(h) + ")",
                "is not a column of this file: use " + String.join(", ", allowed)));
      } else if (!seen.add(h)) {
        problems.add(new FileProblem(numbers.get(0), letter(i) + " (" + h + ")", "appears twice"));
      }
    }
    for (String column : required) {
      if (!header.contains(column)) {
        problems.add(
            new FileProblem(numbers.get(0), null, "the header row has no " + column + " column"));
      }
    }
    if (!problems.isEmpty()) {
      throw new TableRefused(name, problems, problems.size());
    }
    List<TableRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        continue;
      }
      rows.add(new TableRow(numbers.get(i), cells));
    }
    if (rows.isEmpty()) {
      throw TableRefused.of(name, numbers.get(0), null, "has a header but no rows");
    }
    return new TableFile(name, header, rows);
  }

  private static void readCsv(
      String name, byte[] bytes, List<List<String>> lines, List<Long> numbers) {
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
          throw TableRefused.of(
              name,
              record.get().line(),
              null,
              "has more than " + MAXIMUM_ROWS + " rows: split it into smaller files");
        }
        lines.add(record.get().fields());
        numbers.add(record.get().line());
      }
    } catch (CsvFormatException e) {
      // The problem is reported at its line; the reader's own "(line n, column c)" is dropped.
      String problem = e.getMessage();
      int where = problem.lastIndexOf(" (line ");
      throw TableRefused.of(
          name, e.line(), null, where > 0 ? problem.substring(0, where) : problem);
    } catch (CharacterCodingException e) {
      // MalformedInputException: the decoder refuses bytes that are not UTF-8.
      throw TableRefused.of(
          name,
          lines.size() + 1L,
          null,
          "is not UTF-8 text: save it as CSV UTF-8, or as an Excel workbook");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readWorkbook(
      String name, byte[] bytes, List<List<String>> lines, List<Long> numbers) {
    Path spool = null;
    try {
      spool = Files.createTempFile("anchor-table-", ".xlsx");
      Files.write(spool, bytes);
      try {
        WorkbookLimits.check(spool, name);
      } catch (ImportFileException e) {
        throw TableRefused.of(
            name, e.problem().line(), e.problem().column(), e.problem().message());
      }
      try (ReadableWorkbook workbook = new ReadableWorkbook(spool.toFile());
          Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
        var iterator = sheet.iterator();
        while (iterator.hasNext()) {
          Row row = iterator.next();
          if (lines.size() > MAXIMUM_ROWS) {
            throw TableRefused.of(
                name,
                row.getRowNum(),
                null,
                "has more than " + MAXIMUM_ROWS + " rows: split it into smaller files");
          }
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row, i));
          }
          lines.add(cells);
          numbers.add((long) row.getRowNum());
        }
      }
    } catch (TableRefused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw TableRefused.of(
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

  private static String text(Row row, int i) {
    if (!row.hasCell(i)) {
      return null;
    }
    Cell cell = row.getCell(i);
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return null;
    }
    if (cell.getType() == CellType.NUMBER) {
      return cell.asNumber().stripTrailingZeros().toPlainString();
    }
    return cell.getText();
  }

  static String letter(int index) {
    StringBuilder letters = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int r = (n - 1) % 26;
      letters.insert(0, (char) ('A' + r));
      n = (n - 1) / 26;
    }
    return letters.toString();
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
