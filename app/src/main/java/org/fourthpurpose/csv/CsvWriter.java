package org.fourthpurpose.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV records following RFC 4180: fields separated by commas, records ended by CRLF, and a
 * field quoted (with its quotes doubled) only when it contains a comma, a quote or a line break. A
 * null field is written as empty.
 *
 * <pre>{@code
 * writer.writeRecord("area", "note");         // area,note
 * writer.writeRecord("E54000048", "n, \"sd\""); // E54000048,"n, ""sd"""
 * }</pre>
 */
public final class CsvWriter implements Closeable, Flushable {

  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  /** Writes one record and its CRLF. */
  public void writeRecord(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      writeField(fields.get(i));
    }
    out.write("\r\n");
  }

  /** Writes one record and its CRLF. */
  public void writeRecord(String... fields) throws IOException {
    writeRecord(Arrays.asList(fields));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void writeField(String field) throws IOException {
    if (field == null || field.isEmpty()) {
      return;
    }
    boolean needsQuotes =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\r') >= 0
            || field.indexOf('\n') >= 0;
    if (!needsQuotes) {
      out.write(field);
      return;
    }
    out.write('"');
    out.write(field.replace("\"", "\"\""));
    out.write('"');
  }
}
