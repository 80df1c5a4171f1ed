package org.fourthpurpose.reference;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.fourthpurpose.csv.CsvFormatException;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;

/**
 * One gzip-compressed reference file on the class path, read as CSV (RFC 4180) or as text.
 *
 * <p>Every problem is reported as a {@link ReferenceDataException} naming this file, the line and
 * the column, so a broken download or a hand-edited file is easy to find.
 */
public final class ReferenceFile {

  private final String name;
  private final ResourceOpener opener;

  /**
   * Opens the bytes of a named resource; the default reads {@code reference/<name>} from the class
   * path.
   */
  @FunctionalInterface
  public interface ResourceOpener {
    InputStream open(String name) throws IOException;
  }

  ReferenceFile(String name, ResourceOpener opener) {
    this.name = name;
    this.opener = opener;
  }

  /**
   * A reference file read through {@code opener}: for loaders' tests, which check what a loader
   * does with an altered copy of a shipped file.
   */
  public static ReferenceFile of(String name, ResourceOpener opener) {
    return new ReferenceFile(name, opener);
  }

  public String name() {
    return name;
  }

  /** SHA-256 of the compressed bytes, so any change to the shipped file is noticed. */
  public String checksum() {
    try (InputStream in = openRaw()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
        digesting.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new ReferenceDataException(name, 0, null, "cannot be read (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole file as text (for GeoJSON). */
  public String readText() {
    try (InputStream in = new GZIPInputStream(openRaw())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (EOFException e) {
      throw new ReferenceDataException(
          name, 0, null, "is truncated: the compressed data ends early", e);
    } catch (ZipException e) {
      throw new ReferenceDataException(
          name, 0, null, "is not valid gzip data (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ReferenceDataException(name, 0, null, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Streams the CSV rows to {@code rowHandler}, after checking that the header holds {@code
   * requiredColumns}. Fails if the number of data rows differs from {@code expectedRows} (a
   * truncated or padded file).
   */
  public long readCsv(List<String> requiredColumns, long expectedRows, Consumer<Row> rowHandler) {
    long rows = 0;
    long line = 0;
    try (CsvReader reader =
        new CsvReader(
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(openRaw()), StandardCharsets.UTF_8),
                1 << 16))) {
      Optional<CsvRecord> first = reader.next();
      if (first.isEmpty()) {
        throw new ReferenceDataException(name, 1, null, "is empty: expected a header row");
      }
      List<String> header = first.get().fields();
      line = first.get().line();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.put(header.get(i), i);
      }
      for (String column : requiredColumns) {
        if (!index.containsKey(column)) {
          throw new ReferenceDataException(
              name, 1, column, "the header has no such column (found " + index.keySet() + ")");
        }
      }
      Optional<CsvRecord> record;
      while ((record = reader.next()).isPresent()) {
        List<String> fields = record.get().fields();
        line = record.get().line();
        if (fields.size() != header.size()) {
          throw new ReferenceDataException(
              name,
              line,
              null,
              "has " + fields.size() + " fields where the header has " + header.size());
        }
        rows++;
        rowHandler.accept(new Row(name, line, index, fields));
      }
    } catch (CsvFormatException e) {
      throw new ReferenceDataException(name, e.line(), null, e.getMessage(), e);
    } catch (EOFException e) {
      throw new ReferenceDataException(
          name, line, null, "is truncated: the compressed data ends early after line " + line, e);
    } catch (ZipException e) {
      throw new ReferenceDataException(
          name, 0, null, "is not valid gzip data (" + e.getMessage() + ")", e);
    } catch (IOException | UncheckedIOException e) {
      throw new ReferenceDataException(
          name, line, null, "cannot be read (" + e.getMessage() + ")", e);
    }
    if (expectedRows >= 0 && rows != expectedRows) {
      throw new ReferenceDataException(
          name,
          line,
          null,
          "has "
              + rows
              + " data rows where "
              + expectedRows
              + " were expected (truncated or altered?)");
    }
    return rows;
  }

  private InputStream openRaw() throws IOException {
    InputStream in = opener.open(name);
    if (in == null) {
      throw new ReferenceDataException(name, 0, null, "is missing from the application");
    }
    return in;
  }

  /** One data row, with typed accessors whose errors name the file, line and column. */
  public static final class Row {
    private static final java.util.regex.Pattern ONS_CODE =
        java.util.regex.Pattern.compile("[EWSNK]\\d{8}");
    private final String file;
    private final long line;
    private final Map<String, Integer> index;
    private final List<String> fields;

    Row(String file, long line, Map<String, Integer> index, List<String> fields) {
      this.file = file;
      this.line = line;
      this.index = index;
      this.fields = fields;
    }

    public long line() {
      return line;
    }

    /** The field's text; fails if it is empty. */
    public String text(String column) {
      String value = raw(column);
      if (value.isBlank()) {
        throw problem(column, "is empty");
      }
      return value.strip();
    }

    /** The field's text, or null when empty or "NA". */
    public String optionalText(String column) {
      String value = raw(column).strip();
      return value.isEmpty() || value.equals("NA") ? null : value;
    }

    /** A code such as E01000001: letter and eight digits. */
    public String code(String column) {
      String value = text(column);
      if (!ONS_CODE.matcher(value).matches()) {
        throw problem(column, "'" + value + "' is not a nine-character ONS code");
      }
      return value;
    }

    public int integer(String column) {
      String value = text(column);
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw problem(column, "'" + value + "' is not a whole number");
      }
    }

    public double decimal(String column) {
      String value = text(column);
      try {
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
          throw problem(column, "'" + value + "' is not a finite number");
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw problem(column, "'" + value + "' is not a number");
      }
    }

    public ReferenceDataException problem(String column, String what) {
      return new ReferenceDataException(file, line, column, what);
    }

    private String raw(String column) {
      Integer position = index.get(column);
      if (position == null) {
        throw new ReferenceDataException(file, line, column, "no such column");
      }
      return fields.get(position);
    }
  }
}
