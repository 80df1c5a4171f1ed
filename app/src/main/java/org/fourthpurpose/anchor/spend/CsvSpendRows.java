package org.fourthpurpose.anchor.spend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.csv.CsvFormatException;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;

/** The rows of a spend file in CSV (RFC 4180, UTF-8), streamed through the csv module's reader. */
final class CsvSpendRows implements SpendRows {

  private final String file;
  private final CsvReader reader;
  private final Map<SpendColumn, Integer> positions;

  CsvSpendRows(Reader in, String file) {
    this.file = file;
    this.reader = new CsvReader(in);
    CsvRecord header = read().orElseThrow(() -> new SpendFileRefused(file, 0, null, "is empty"));
    this.positions = SpendColumn.positions(header.fields(), file, false);
  }

  private Optional<CsvRecord> read() {
    try {
      return reader.next();
    } catch (CsvFormatException e) {
      throw new SpendFileRefused(
          file, e.line(), null, "is not valid CSV at character " + e.column() + ": " + problem(e));
    } catch (CharacterCodingException e) {
      throw new SpendFileRefused(
          file,
          0,
          null,
          "is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\" and upload it again");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads bytes as UTF-8, refusing bytes that are not (rather than replacing them). */
  static Reader utf8(InputStream in) {
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  private static String problem(CsvFormatException e) {
    String message = e.getMessage();
    int at = message.lastIndexOf(" (line ");
    return at >= 0 ? message.substring(0, at) : message;
  }

  @Override
  public long next(String[] fields) {
    while (true) {
      Optional<CsvRecord> next = read();
      if (next.isEmpty()) {
        return -1;
      }
      CsvRecord record = next.get();
      boolean any = false;
      for (SpendColumn column : SpendColumn.values()) {
        Integer at = positions.get(column);
        String value = at == null || at >= record.size() ? null : record.field(at);
        if (value != null && value.isBlank()) {
          value = null;
        }
        fields[column.ordinal()] = value;
        any |= value != null;
      }
      if (any) {
        return record.line();
      }
    }
  }

  @Override
  public boolean has(SpendColumn column) {
    return positions.containsKey(column);
  }

  @Override
  public String name(SpendColumn column) {
    return column.heading();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Nothing more to read.
    }
  }
}
