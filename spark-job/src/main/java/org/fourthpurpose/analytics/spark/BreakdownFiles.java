package org.fourthpurpose.analytics.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.analytics.EquityResult;
import org.fourthpurpose.analytics.EquityRow;
import org.fourthpurpose.analytics.EquityTable;

/**
 * Writes an {@link EquityResult} as one CSV file per breakdown, {@code DIR/<slug>.csv}: first the
 * API's columns ({@value #API_HEADER}), withheld values empty; a two-way table then has {@code
 * column} (the column group); every table then has the rest of {@link EquityRow} (percentage over
 * 52 weeks, rate ratio and standardised ratio with their 95% limits). Only disclosure-controlled
 * values are in an {@link EquityResult}, so only they are written.
 *
 * <p>RFC 4180, UTF-8, {@code \n} line ends; a value that a spreadsheet would read as a formula
 * ({@code = + - @}, tab or carriage return first) is prefixed with {@code '}. Each file is written
 * beside its final name and moved into place, so a reader never sees half a table.
 */
final class BreakdownFiles {

  /** The API's columns, in order. */
  static final String API_HEADER =
      "group,waiting,medianDays,p92Days,over18Weeks,over52Weeks,percentOver18Weeks,suppressed";

  private static final String EXTRA_HEADER =
      "percentOver52Weeks,rateRatio,rateRatioLower,rateRatioUpper,"
          + "standardisedRatio,standardisedLower,standardisedUpper";

  private BreakdownFiles() {}

  /** Writes every table of {@code result} into {@code dir} (made if missing); returns the files. */
  static List<Path> write(EquityResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (EquityTable table : result.tables()) {
      Path file = dir.resolve(table.breakdown().slug() + ".csv");
      Path partial = dir.resolve("." + table.breakdown().slug() + ".csv.partial");
      boolean twoWay = table.breakdown().isTwoWay();
      try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        out.write(API_HEADER + (twoWay ? ",column," : ",") + EXTRA_HEADER + "\n");
        for (EquityRow row : table.rows()) {
          List<String> cells = new ArrayList<>();
          cells.add(text(row.group()));
          cells.add(number(row.waiting()));
          cells.add(number(row.medianDays()));
          cells.add(number(row.p92Days()));
          cells.add(number(row.over18Weeks()));
          cells.add(number(row.over52Weeks()));
          cells.add(number(row.percentOver18Weeks()));
          cells.add(Boolean.toString(row.suppressed()));
          if (twoWay) {
            cells.add(text(row.column()));
          }
          cells.add(number(row.percentOver52Weeks()));
          cells.add(number(row.rateRatio()));
          cells.add(number(row.rateRatioLower()));
          cells.add(number(row.rateRatioUpper()));
          cells.add(number(row.standardisedRatio()));
          cells.add(number(row.standardisedLower()));
          cells.add(number(row.standardisedUpper()));
          out.write(String.join(",", cells));
          out.write('\n');
        }
      } catch (IOException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.add(file);
    }
    return written;
  }

  /** A number as written in the API (plain digits, no exponent); empty when withheld. */
  static String number(Number value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).toPlainString();
    }
    return value.toString();
  }

  /** A text value, quoted when it needs to be and defused when a spreadsheet would run it. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
