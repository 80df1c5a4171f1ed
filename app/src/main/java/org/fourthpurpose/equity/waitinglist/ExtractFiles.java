package org.fourthpurpose.equity.waitinglist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fourthpurpose.csv.CsvFormatException;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.csv.CsvWriter;
import org.fourthpurpose.indicator.importing.ImportFileException;
import org.fourthpurpose.indicator.importing.WorkbookLimits;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded extracts wait while they are analysed ({@code equity-uploads/} in the data
 * directory), and what the web application itself reads of them: the header row (to map columns)
 * and, for an Excel workbook, a conversion to CSV within the workbook limits the other imports use.
 * Every file is deleted when its analysis ends; at start the copies a stopped process left are
 * deleted.
 */
@Component
class ExtractFiles {

  private static final Logger log = LoggerFactory.getLogger(ExtractFiles.class);

  private final Path directory;
  private final DataSize limit;

  ExtractFiles(
      @Value("${fp.data-dir}") Path dataDirectory,
      @Value("${fp.equity.max-upload:${spring.servlet.multipart.max-request-size:200MB}}")
          DataSize limit) {
    this.directory = dataDirectory.resolve("equity-uploads");
    this.limit = limit;
  }

  DataSize limit() {
    return limit;
  }

  Path directory() throws IOException {
    Files.createDirectories(directory);
    return directory;
  }

  /** Copies an upload into the spool, refusing it with 413 past the limit. */
  Path spool(InputStream in) throws IOException {
    Path copy = Files.createTempFile(directory(), "extract-", ".upload");
    try (OutputStream out = Files.newOutputStream(copy)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > limit.toBytes()) {
          throw new PayloadTooLargeException(
              "upload-too-large",
              "Upload too large",
              "The extract is larger than "
                  + limit.toMegabytes()
                  + " MB (fp.equity.max-upload): send a Parquet file, which is smaller, or ask"
                  + " the administrator to raise the limit");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return copy;
  }

  /** A path for a file derived from an upload (an Excel workbook converted to CSV). */
  Path derived(String suffix) throws IOException {
    return Files.createTempFile(directory(), "extract-", suffix);
  }

  static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the extract {}", file, e);
    }
  }

  /** Deletes the copies a stopped process left behind. */
  @EventListener(ApplicationStartedEvent.class)
  void deleteLeftovers() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "extract-*")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toMillis() < started && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clear " + directory, e);
    }
    if (deleted > 0) {
      log.warn("Deleted {} extracts left in {} by a process that stopped", deleted, directory);
    }
  }

  /**
   * The header row and the first pathway identifier under it, as far as the web application reads a
   * file; for Parquet nothing (the engine reads its schema).
   */
  record Header(List<String> columns, Optional<String> firstPathwayId) {

    /** The file's header for a column, by the mapping or by name; empty when it has none. */
    Optional<String> find(ExtractColumn column) {
      return columns.stream()
          .filter(h -> ExtractColumn.normalise(h).equals(column.column()))
          .findFirst();
    }
  }

  /**
   * Checks that the header row has every required column, under its own name or the mapped one.
   *
   * @throws ExtractRefusal naming each missing column at line 1
   */
  static void checkColumns(Header header, java.util.Map<String, String> mapping) {
    List<ExtractProblem> problems = new ArrayList<>();
    for (ExtractColumn column : ExtractColumn.requiredColumns()) {
      String wanted = mapping.getOrDefault(column.column(), column.column());
      boolean present =
          header.columns().stream()
              .anyMatch(
                  h ->
                      h.equals(wanted)
                          || ExtractColumn.normalise(h).equals(ExtractColumn.normalise(wanted)));
      if (!present) {
        problems.add(
            new ExtractProblem(
                1,
                column.column(),
                "the header row has no "
                    + wanted
                    + " column ("
                    + column.label().toLowerCase(Locale.ROOT)
                    + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ExtractRefusal(problems, problems.size());
    }
  }

  static Header header(Path file, UploadFormat format, String fileName) {
    return switch (format) {
      case PARQUET -> new Header(List.of(), Optional.empty());
      case CSV -> csvHeader(file, fileName);
      case XLSX -> xlsxHeader(file, fileName);
    };
  }

  private static Header csvHeader(Path file, String fileName) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (CsvReader reader =
        new CsvReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      Optional<CsvRecord> first = reader.next();
      if (first.isEmpty()) {
        throw ExtractRefusal.of(0, null, fileName + " is empty: expected a header row");
      }
      List<String> columns = first.get().fields().stream().map(String::strip).toList();
      return new Header(columns, firstPathway(columns, reader.next().map(CsvRecord::fields)));
    } catch (CsvFormatException e) {
      throw ExtractRefusal.of(e.line(), null, "is not CSV that can be read: " + e.getMessage());
    } catch (CharacterCodingException e) {
      throw ExtractRefusal.of(
          1, null, "is not UTF-8 text: save it as CSV UTF-8, or as an Excel workbook");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> firstPathway(List<String> columns, Optional<List<String>> row) {
    for (int i = 0; i < columns.size(); i++) {
      if (ExtractColumn.normalise(columns.get(i)).contains("pathway")
          && row.isPresent()
          && i < row.get().size()) {
        return Optional.ofNullable(row.get().get(i));
      }
    }
    return Optional.empty();
  }

  private static Header xlsxHeader(Path file, String fileName) {
    checkWorkbook(file, fileName);
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      Iterator<Row> iterator = rows.iterator();
      if (!iterator.hasNext()) {
        throw ExtractRefusal.of(1, null, "the first sheet is empty: expected a header row");
      }
      List<String> columns = cells(iterator.next(), null).stream().map(String::strip).toList();
      Optional<List<String>> first =
          iterator.hasNext() ? Optional.of(cells(iterator.next(), null)) : Optional.empty();
      return new Header(columns, firstPathway(columns, first));
    } catch (ExtractRefusal e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ExtractRefusal.of(
          0, null, "is not an Excel workbook (.xlsx) that can be read: save it again as .xlsx");
    }
  }

  private static void checkWorkbook(Path file, String fileName) {
    try {
      WorkbookLimits.check(file, fileName);
    } catch (ImportFileException e) {
      throw ExtractRefusal.of(e.problem().line(), e.problem().column(), e.problem().message());
    }
  }

  /**
   * A workbook converted to CSV, and the sheet row of each CSV line (line 1 is the header), so the
   * engine's problems can be told by the row Excel shows.
   */
  record Converted(Path csv, long rows, int[] sheetRowOfLine) {

    long sheetRow(long line) {
      return line >= 1 && line <= sheetRowOfLine.length ? sheetRowOfLine[(int) line - 1] : line;
    }
  }

  /**
   * Converts the first sheet of a workbook to CSV (UTF-8, RFC 4180) within the workbook limits:
   * dates as ISO dates, numbers as plain numbers, line breaks inside a cell as spaces (so each
   * sheet row is one CSV line), rows with no cell skipped.
   *
   * @param clockStartColumn the header that holds clock start dates (a date cell there is written
   *     as its ISO date; a number elsewhere stays a number)
   */
  static Converted toCsv(Path workbookFile, String fileName, Path target, String clockStartColumn) {
    checkWorkbook(workbookFile, fileName);
    int[] rowOf = new int[1024];
    int lines = 0;
    try (ReadableWorkbook workbook = new ReadableWorkbook(workbookFile.toFile());
        Stream<Row> rows = workbook.getFirstSheet().openStream();
        BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(out)) {
      Iterator<Row> iterator = rows.iterator();
      Integer dateIndex = null;
      int width = 0;
      while (iterator.hasNext()) {
        Row row = iterator.next();
        List<String> cells = cells(row, dateIndex);
        if (lines == 0) {
          width = cells.size();
          for (int i = 0; i < cells.size(); i++) {
            if (clockStartColumn != null
                && ExtractColumn.normalise(cells.get(i))
                    .equals(ExtractColumn.normalise(clockStartColumn))) {
              dateIndex = i;
            }
          }
        } else if (cells.stream().allMatch(String::isEmpty)) {
          continue;
        }
        while (cells.size() < width) {
          cells.add("");
        }
        csv.writeRecord(cells.size() > width ? cells.subList(0, Math.max(width, 1)) : cells);
        if (lines == rowOf.length) {
          rowOf = Arrays.copyOf(rowOf, lines * 2);
        }
        rowOf[lines++] = row.getRowNum();
      }
      if (lines == 0) {
        throw ExtractRefusal.of(1, null, "the first sheet is empty: expected a header row");
      }
    } catch (ExtractRefusal e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ExtractRefusal.of(
          0, null, "is not an Excel workbook (.xlsx) that can be read: save it again as .xlsx");
    }
    return new Converted(target, lines - 1L, Arrays.copyOf(rowOf, lines));
  }

  private static List<String> cells(Row row, Integer dateIndex) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      cells.add(text(row, i, dateIndex != null && dateIndex == i));
    }
    return cells;
  }

  private static String text(Row row, int i, boolean date) {
    if (!row.hasCell(i)) {
      return "";
    }
    Cell cell = row.getCell(i);
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER) {
      if (date) {
        LocalDateTime at = cell.asDate();
        return at.toLocalDate().toString();
      }
      return cell.asNumber().stripTrailingZeros().toPlainString();
    }
    String text = cell.getText();
    return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  static String lowerName(String fileName) {
    return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
  }
}
