package org.fourthpurpose.anchor.spend;

import java.io.Closeable;

/** The rows of an uploaded spend file, read one at a time and never all held. */
interface SpendRows extends Closeable {

  /**
   * Reads the next row that is not empty into {@code fields} (indexed by {@link
   * SpendColumn#ordinal()}; null where the file has no such column or the cell is empty).
   *
   * @return the row's line (CSV) or row number (sheet), or -1 after the last row
   * @throws SpendFileRefused when the file cannot be read further
   */
  long next(String[] fields);

  /** Whether the file has the column. */
  boolean has(SpendColumn column);

  /** The column as an error message names it: its heading, and in a sheet its letter. */
  String name(SpendColumn column);

  @Override
  void close();
}
