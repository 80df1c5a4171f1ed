package org.fourthpurpose.indicator.importing;

import java.util.Locale;

/** The layouts of file an analyst can import. */
public enum ImportFormat {
  /**
   * CSV with the columns indicator_id, area_code, period, value, numerator, denominator, lower_ci,
   * upper_ci.
   */
  TIDY_CSV("Tidy CSV"),
  /** The CSV that Fingertips "download data" produces. */
  FINGERTIPS_CSV("Fingertips download CSV"),
  /** An Excel workbook whose first sheet has the tidy columns. */
  XLSX("Excel workbook (.xlsx)");

  private final String label;

  ImportFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Guesses the layout from the file name and, for CSV, the first line: Fingertips files have an
   * "Indicator ID" column.
   */
  public static ImportFormat detect(String fileName, String firstLine) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return XLSX;
    }
    if (firstLine != null && firstLine.replace("\"", "").startsWith("Indicator ID,")) {
      return FINGERTIPS_CSV;
    }
    return TIDY_CSV;
  }
}
