package org.fourthpurpose.analytics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fourthpurpose.analytics.ExtractColumn;
import org.fourthpurpose.analytics.ExtractFormat;
import org.fourthpurpose.analytics.ExtractProblem;
import org.fourthpurpose.analytics.ExtractRefused;
import org.fourthpurpose.analytics.ExtractRule;
import org.fourthpurpose.analytics.ExtractSource;

/**
 * Reads an extract into a {@link Dataset} with one text column per canonical column ({@link
 * ExtractColumn#columnName()}), values as found (not trimmed; a missing value is empty), and a
 * {@value #ROW_ID} that orders the rows as the file does.
 *
 * <p>{@value #ROW_ID} is Spark's {@code monotonically_increasing_id()}: the partition index in the
 * upper bits, the position in the partition in the lower 33. It is cheap (no extra pass) and, since
 * a file's splits are read in order, sorts the rows as the file has them; {@link LineNumbers} turns
 * it into a line number only when there is a problem to report.
 */
final class ExtractReader {

  /** The column that orders the rows as in the file. */
  static final String ROW_ID = "row_id";

  /** The header named each canonical column, for problems ({@code column} as the file names it). */
  record Extract(Dataset<Row> rows, Map<ExtractColumn, String> headers) {}

  /** The longest value a CSV field may hold: bounded parsing of hostile files. */
  static final int MAX_CHARS_PER_FIELD = 65_536;

  private ExtractReader() {}

  /**
   * Reads {@code source}: the header names the columns (trimmed; matched exactly to {@link
   * ExtractSource#header(ExtractColumn)}).
   *
   * @throws ExtractRefused when the file cannot be read or a required column is missing (line 0)
   */
  static Extract read(SparkSession spark, ExtractSource source) throws ExtractRefused {
    // A Parquet data set may be a directory of parts, as Spark and other tools write them.
    boolean readable =
        Files.isRegularFile(source.file())
            || (source.format() == ExtractFormat.PARQUET && Files.isDirectory(source.file()));
    if (!readable) {
      throw ExtractRefused.ofFile("", "The file " + source.file().getFileName() + " is not there");
    }
    return source.format() == ExtractFormat.CSV
        ? readCsv(spark, source)
        : readParquet(spark, source);
  }

  private static Extract readCsv(SparkSession spark, ExtractSource source) throws ExtractRefused {
    List<String> header = csvHeader(source);
    StructType schema = new StructType();
    for (int i = 0; i < header.size(); i++) {
      schema = schema.add(new StructField("c" + i, DataTypes.StringType, true, Metadata.empty()));
    }
    // Positional columns from our own reading of the header (Spark's would de-duplicate and not
    // trim names); header=true only makes Spark skip the file's first line.
    Dataset<Row> raw =
        spark
            .read()
            .format("csv")
            .schema(schema)
            .option("header", "true")
            .option("enforceSchema", "true")
            .option("mode", "PERMISSIVE")
            .option("encoding", "UTF-8")
            .option("quote", "\"")
            .option("escape", "\"")
            .option("multiLine", "false")
            .option("ignoreLeadingWhiteSpace", "false")
            .option("ignoreTrailingWhiteSpace", "false")
            .option("maxCharsPerColumn", String.valueOf(MAX_CHARS_PER_FIELD))
            .load(source.file().toString());
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(header.get(i), i);
    }
    return select(raw, source, positions, i -> col("c" + i));
  }

  private static Extract readParquet(SparkSession spark, ExtractSource source)
      throws ExtractRefused {
    Dataset<Row> raw;
    try {
      raw = spark.read().parquet(source.file().toString());
    } catch (RuntimeException e) {
      throw ExtractRefused.ofFile("", "The file is not a Parquet file Spark can read");
    }
    String[] names = raw.columns();
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      positions.putIfAbsent(names[i].trim(), i);
    }
    // Any Parquet type reads as text as written: 42 as "42", a date as "2025-01-31".
    return select(
        raw, source, positions, i -> col("`" + names[i] + "`").cast(DataTypes.StringType));
  }

  private interface ColumnAt {
    Column at(int position);
  }

  private static Extract select(
      Dataset<Row> raw, ExtractSource source, Map<String, Integer> positions, ColumnAt column)
      throws ExtractRefused {
    List<ExtractProblem> missing = new ArrayList<>();
    List<Column> selected = new ArrayList<>();
    Map<ExtractColumn, String> headers = new LinkedHashMap<>();
    selected.add(monotonically_increasing_id().as(ROW_ID));
    for (ExtractColumn c : ExtractColumn.values()) {
      String header = source.header(c);
      Integer position = positions.get(header);
      if (position == null) {
        if (c.required()) {
          missing.add(
              ExtractRule.MISSING_COLUMN.problem(
                  0, c.columnName(), header, java.time.LocalDate.MIN));
        }
        selected.add(lit("").as(c.columnName()));
      } else {
        selected.add(coalesce(column.at(position), lit("")).as(c.columnName()));
      }
      headers.put(c, header);
    }
    if (!missing.isEmpty()) {
      throw new ExtractRefused(missing, missing.size());
    }
    return new Extract(raw.select(selected.toArray(Column[]::new)), headers);
  }

  /**
   * The header line of a CSV file, parsed as RFC 4180 (quotes, doubled quotes), each name trimmed;
   * a byte-order mark is ignored; {@code .gz} files are read through gzip.
   */
  static List<String> csvHeader(ExtractSource source) throws ExtractRefused {
    String line;
    try (InputStream in = open(source);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      line = readBoundedLine(reader);
    } catch (IOException e) {
      throw ExtractRefused.ofFile("", "The file could not be read as UTF-8 CSV: " + e.getMessage());
    }
    if (line == null || line.isBlank()) {
      throw ExtractRefused.ofFile("", "The file is empty: line 1 must be the header");
    }
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    List<String> names = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        names.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    names.add(field.toString().trim());
    return names;
  }

  private static InputStream open(ExtractSource source) throws IOException {
    InputStream in = Files.newInputStream(source.file());
    if (source.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return new GZIPInputStream(in);
    }
    return in;
  }

  /** The first line, refusing a header longer than a sane limit (a file with no line breaks). */
  private static String readBoundedLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int ch;
    while ((ch = reader.read()) != -1) {
      if (ch == '\n') {
        break;
      }
      if (line.length() >= MAX_CHARS_PER_FIELD) {
        throw new IOException(
            "the header line is longer than " + MAX_CHARS_PER_FIELD + " characters");
      }
      line.append((char) ch);
    }
    if (ch == -1 && line.isEmpty()) {
      return null;
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }
}
