package org.fourthpurpose.indicator.importing;

import java.io.Closeable;

/** Reads the rows of one file in one layout, one at a time. */
interface RowSource extends Closeable {

  /** The next row, or null at the end of the file. */
  RawRow next();

  /** The column heading to name in errors about a field. */
  String column(Field field);

  /** Rows the layout says to leave out (e.g. Fingertips breakdowns), with why. */
  default long skipped() {
    return 0;
  }

  default String skippedReason() {
    return null;
  }

  /** The fields of a row, in the words of the tidy layout. */
  enum Field {
    INDICATOR("indicator_id"),
    AREA_CODE("area_code"),
    PERIOD("period"),
    VALUE("value"),
    NUMERATOR("numerator"),
    DENOMINATOR("denominator"),
    LOWER_CI("lower_ci"),
    UPPER_CI("upper_ci");

    final String tidyName;

    Field(String tidyName) {
      this.tidyName = tidyName;
    }
  }

  @Override
  void close();
}
