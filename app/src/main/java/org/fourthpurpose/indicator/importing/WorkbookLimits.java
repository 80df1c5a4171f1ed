package org.fourthpurpose.indicator.importing;

import java.nio.file.Path;
import org.fourthpurpose.csv.WorkbookLimitException;

/**
 * The csv module's {@link org.fourthpurpose.csv.WorkbookLimits} as an import uses them: a workbook
 * over a limit is an {@link ImportFileException} naming the file and row.
 */
final class WorkbookLimits {

  static final int MAXIMUM_CELLS_PER_ROW =
      org.fourthpurpose.csv.WorkbookLimits.MAXIMUM_CELLS_PER_ROW;
  static final int MAXIMUM_ROWS = org.fourthpurpose.csv.WorkbookLimits.MAXIMUM_ROWS;
  static final int MAXIMUM_TEXT_LENGTH = org.fourthpurpose.csv.WorkbookLimits.MAXIMUM_TEXT_LENGTH;
  static final long MAXIMUM_SHARED_STRING_CHARACTERS =
      org.fourthpurpose.csv.WorkbookLimits.MAXIMUM_SHARED_STRING_CHARACTERS;
  static final int MAXIMUM_SHARED_STRINGS =
      org.fourthpurpose.csv.WorkbookLimits.MAXIMUM_SHARED_STRINGS;
  static final long MAXIMUM_UNPACKED_BYTES =
      org.fourthpurpose.csv.WorkbookLimits.MAXIMUM_UNPACKED_BYTES;

  private WorkbookLimits() {}

  /**
   * @throws ImportFileException naming the limit and where it was reached
   */
  static void check(Path workbook, String file) {
    check(workbook, file, MAXIMUM_UNPACKED_BYTES);
  }

  /** The same, with another limit on the unpacked size (for tests). */
  static void check(Path workbook, String file, long maximumUnpackedBytes) {
    try {
      org.fourthpurpose.csv.WorkbookLimits.check(workbook, file, maximumUnpackedBytes);
    } catch (WorkbookLimitException e) {
      throw new ImportFileException(e.file(), e.row(), null, e.problem());
    }
  }
}
