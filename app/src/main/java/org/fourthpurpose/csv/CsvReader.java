package org.fourthpurpose.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV records one at a time from a character stream, following RFC 4180.
 *
 * <p>Fields are separated by commas and records by CRLF, LF or a lone CR. A field that starts with
 * a double quote runs to the matching closing quote and may contain commas, line breaks and quotes
 * written twice ({@code ""}). Stricter than many readers, it rejects a quote in the middle of an
 * unquoted field, text after a closing quote, and a quoted field that is never closed, each with
 * the line and column. It is more lenient in two ways: a byte order mark at the start is skipped,
 * and empty lines between records are skipped rather than read as records with one empty field.
 * Records need not have equal numbers of fields; callers that care check.
 *
 * <pre>{@code
 * try (CsvReader reader = new CsvReader(new StringReader("area,count\r\nE54000048,65\r\n"))) {
 *   reader.next(); // line 1: [area, count]
 *   reader.next(); // line 2: [E54000048, 65]
 *   reader.next(); // empty
 * }
 * }</pre>
 */
public final class CsvReader implements Closeable {

  /** Characters in one field: Excel's limit for a cell. */
  public static final int MAXIMUM_FIELD_LENGTH = 32_767;

  /** Fields in one record. */
  public static final int MAXIMUM_FIELDS = 1_000;

  private static final int END = -1;

  private final Reader in;
  private final char[] buffer = new char[8192];
  private int length;
  private int position;
  private boolean started;
  private long line = 1;
  private int column;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /**
   * The next record, or empty at the end of the input.
   *
   * @throws CsvFormatException if the text is not valid CSV
   * @throws IOException if the underlying reader fails
   */
  public Optional<CsvRecord> next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
        column = 0;
      }
    }
    while (peek() == '\r' || peek() == '\n') {
      readLineBreak();
    }
    if (peek() == END) {
      return Optional.empty();
    }
    long recordLine = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      if (fields.size() == MAXIMUM_FIELDS) {
        throw new CsvFormatException(
            "a record has more than " + MAXIMUM_FIELDS + " fields, the most this service reads",
            recordLine,
            column + 1);
      }
      fields.add(peek() == '"' ? quotedField() : plainField());
      int c = peek();
      if (c == ',') {
        read();
      } else {
        if (c != END) {
          readLineBreak();
        }
        return Optional.of(new CsvRecord(recordLine, fields));
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private String plainField() throws IOException {
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = peek();
      if (c == ',' || c == '\r' || c == '\n' || c == END) {
        return field.toString();
      }
      read();
      if (c == '"') {
        throw new CsvFormatException(
            "a double quote inside an unquoted field: quote the whole field and write the quote"
                + " twice",
            line,
            column);
      }
      append(field, (char) c);
    }
  }

  private String quotedField() throws IOException {
    read();
    long openLine = line;
    int openColumn = column;
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = peek();
      if (c == END) {
        throw new CsvFormatException(
            "unbalanced quotes: the quoted field opened at line "
                + openLine
                + ", column "
                + openColumn
                + " is never closed",
            line,
            column + 1);
      }
      if (c == '\r' || c == '\n') {
        String lineBreak = readLineBreak();
        for (int i = 0; i < lineBreak.length(); i++) {
          append(field, lineBreak.charAt(i));
        }
        continue;
      }
      read();
      if (c == '"') {
        if (peek() == '"') {
          read();
          append(field, '"');
        } else {
          int after = peek();
          if (after != ',' && after != '\r' && after != '\n' && after != END) {
            read();
            throw new CsvFormatException(
                "unexpected text after the closing quote of a field: a field that starts with a"
                    + " quote must end with one",
                line,
                column);
          }
          return field.toString();
        }
      } else {
        append(field, (char) c);
      }
    }
  }

  private void append(StringBuilder field, char c) {
    if (field.length() >= MAXIMUM_FIELD_LENGTH) {
      throw new CsvFormatException(
          "a field longer than "
              + MAXIMUM_FIELD_LENGTH
              + " characters, the most this service reads in one field (is a quote left open?)",
          line,
          column);
    }
    field.append(c);
  }

  /** Consumes a CRLF, LF or lone CR and returns it as written. */
  private String readLineBreak() throws IOException {
    int c = read();
    String lineBreak = "\n";
    if (c == '\r') {
      lineBreak = "\r";
      if (peek() == '\n') {
        read();
        lineBreak = "\r\n";
      }
    }
    line++;
    column = 0;
    return lineBreak;
  }

  private int peek() throws IOException {
    if (position == length) {
      length = in.read(buffer, 0, buffer.length);
      position = 0;
      if (length <= 0) {
        length = 0;
        return END;
      }
    }
    return buffer[position];
  }

  private int read() throws IOException {
    int c = peek();
    if (c != END) {
      position++;
      column++;
    }
    return c;
  }
}
