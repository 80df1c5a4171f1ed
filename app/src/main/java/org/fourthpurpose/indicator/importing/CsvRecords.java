package org.fourthpurpose.indicator.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV into records from a stream, keeping only one record in memory, and says on
 * which line each record starts (a quoted field may hold line breaks). Accepts CRLF or LF line ends
 * and a byte-order mark.
 *
 * <p>Written for imports, where a file may hold millions of rows; to be replaced by the shared
 * {@code org.fourthpurpose.csv} reader when it lands, if that streams as fast.
 */
final class CsvRecords {

  /** Characters in one field: the same as a workbook cell's limit (Excel's own). */
  static final int MAXIMUM_FIELD_LENGTH = WorkbookLimits.MAXIMUM_TEXT_LENGTH;

  /** Fields in one record: the same as a workbook row's limit. */
  static final int MAXIMUM_FIELDS = WorkbookLimits.MAXIMUM_CELLS_PER_ROW;

  private final Reader reader;
  private final String file;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private long recordLine;
  private boolean first = true;
  private final StringBuilder field = new StringBuilder(64);
  private final List<String> fields = new ArrayList<>(16);

  CsvRecords(Reader reader, String file) {
    this.reader = reader;
    this.file = file;
  }

  /** The line on which the last record returned starts. */
  long recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end. A blank line is a record of one empty field. */
  List<String> next() {
    if (!fill()) {
      return null;
    }
    if (first) {
      first = false;
      if (buffer[position] == '\uFEFF') {
        position++;
        if (!fill()) {
          return null;
        }
      }
    }
    recordLine = line;
    fields.clear();
    field.setLength(0);
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (!fill()) {
        if (quoted) {
          throw new ImportFileException(
              file, recordLine, null, "a quoted field is not closed before the end of the file");
        }
        fields.add(field.toString());
        return List.copyOf(fields);
      }
      char c = buffer[position++];
      if (quoted) {
        if (c == '"') {
          if (fill() && buffer[position] == '"') {
            append('"');
            position++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        if (fields.size() >= MAXIMUM_FIELDS) {
          throw new ImportFileException(
              file,
              recordLine,
              null,
              "a row has more than "
                  + MAXIMUM_FIELDS
                  + " fields; an import reads at most "
                  + MAXIMUM_FIELDS
                  + " columns");
        }
        wasQuoted = false;
      } else if (c == '\n') {
        line++;
        fields.add(field.toString());
        return List.copyOf(fields);
      } else if (c == '\r') {
        // Dropped; the following \n ends the record.
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        append(c);
      }
    }
  }

  private void append(char c) {
    if (field.length() >= MAXIMUM_FIELD_LENGTH) {
      throw new ImportFileException(
          file,
          recordLine,
          Integer.toString(fields.size() + 1),
          "a field is longer than "
              + MAXIMUM_FIELD_LENGTH
              + " characters, the most a cell can hold (is a quote left open?)");
    }
    field.append(c);
  }

  private boolean fill() {
    if (position < limit) {
      return true;
    }
    try {
      limit = reader.read(buffer, 0, buffer.length);
      position = 0;
      return limit > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
