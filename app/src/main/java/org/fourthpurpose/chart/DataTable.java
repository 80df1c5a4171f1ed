package org.fourthpurpose.chart;

import java.util.List;

/**
 * A chart's table alternative: a caption, column headings and rows whose first cell heads the row.
 * Drawn by {@code chart/table :: table}. Pages whose charts already sit beside a fuller table (with
 * links, sorting or more columns) keep that table instead.
 *
 * @param numeric for each column, whether it holds figures (right-aligned, tabular digits)
 */
public record DataTable(
    String caption, List<String> headings, List<Boolean> numeric, List<List<String>> rows) {

  public DataTable {
    if (numeric.size() != headings.size()) {
      throw new IllegalArgumentException(
          numeric.size() + " numeric flags for " + headings.size() + " headings");
    }
    for (List<String> row : rows) {
      if (row.size() != headings.size()) {
        throw new IllegalArgumentException(row + " does not have " + headings.size() + " cells");
      }
    }
  }
}
