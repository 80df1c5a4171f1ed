package org.fourthpurpose.indicator.importing;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CSV that Fingertips (OHID public health profiles) writes from "download data". The
 * indicator is matched by its Fingertips ID; rows that break a value down by a category
 * (deprivation decile, ethnic group) and rows with no value (suppressed) are left out and counted.
 * Time periods such as {@code 2020 - 22} and {@code 2019/20 - 21/22} become {@code 2020-2022} and
 * {@code 2019/20-2021/22}.
 */
final class FingertipsRowSource extends CsvRowSource {

  static final String INDICATOR_ID = "indicator id";
  static final String AREA_CODE = "area code";
  static final String TIME_PERIOD = "time period";
  static final String VALUE = "value";
  static final String LOWER = "lower ci 95.0 limit";
  static final String UPPER = "upper ci 95.0 limit";
  static final String COUNT = "count";
  static final String DENOMINATOR = "denominator";
  static final String CATEGORY_TYPE = "category type";

  private static final Pattern POOLED_YEARS = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{2})");
  private static final Pattern POOLED_SPLIT_YEARS =
      Pattern.compile("(\\d{4})/(\\d{2})\\s*-\\s*(\\d{2})/(\\d{2})");

  private final Map<Integer, String> indicatorByFingertipsId;
  private long skippedCategories;
  private long skippedEmpty;

  FingertipsRowSource(InputStream in, String file, Map<Integer, String> indicatorByFingertipsId) {
    super(in, file);
    this.indicatorByFingertipsId = indicatorByFingertipsId;
  }

  @Override
  protected void checkHeader(List<String> header) {
    for (String column : List.of(INDICATOR_ID, AREA_CODE, TIME_PERIOD, VALUE)) {
      if (!index.containsKey(column)) {
        throw new ImportFileException(
            file,
            1,
            heading(column),
            "the header has no such column; is this a Fingertips download?");
      }
    }
  }

  @Override
  public RawRow next() {
    while (true) {
      RawRow row = super.next();
      if (row == null) {
        return null;
      }
      if (row == SKIP) {
        continue;
      }
      return row;
    }
  }

  private static final RawRow SKIP = new RawRow(0, null, null, null, null, null, null, null, null);

  @Override
  protected RawRow toRow(long line, List<String> f) {
    String category = get(f, CATEGORY_TYPE);
    if (category != null && !category.isBlank()) {
      skippedCategories++;
      return SKIP;
    }
    String value = get(f, VALUE);
    if (value == null || value.isBlank()) {
      skippedEmpty++;
      return SKIP;
    }
    String id = get(f, INDICATOR_ID);
    String indicator = id;
    try {
      String mapped = indicatorByFingertipsId.get(Integer.valueOf(id.strip()));
      indicator = mapped == null ? "Fingertips " + id.strip() : mapped;
    } catch (NumberFormatException e) {
      // Left as written; the check reports it as an unknown indicator.
    }
    return new RawRow(
        line,
        indicator,
        get(f, AREA_CODE),
        period(get(f, TIME_PERIOD)),
        value,
        get(f, COUNT),
        get(f, DENOMINATOR),
        get(f, LOWER),
        get(f, UPPER));
  }

  static String period(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    Matcher m = POOLED_SPLIT_YEARS.matcher(t);
    if (m.matches()) {
      String century = m.group(1).substring(0, 2);
      return m.group(1) + "/" + m.group(2) + "-" + century + m.group(3) + "/" + m.group(4);
    }
    m = POOLED_YEARS.matcher(t);
    if (m.matches()) {
      return m.group(1) + "-" + m.group(1).substring(0, 2) + m.group(2);
    }
    return t;
  }

  @Override
  public String column(Field field) {
    return switch (field) {
      case INDICATOR -> "Indicator ID";
      case AREA_CODE -> "Area Code";
      case PERIOD -> "Time period";
      case VALUE -> "Value";
      case NUMERATOR -> "Count";
      case DENOMINATOR -> "Denominator";
      case LOWER_CI -> "Lower CI 95.0 limit";
      case UPPER_CI -> "Upper CI 95.0 limit";
    };
  }

  private static String heading(String normalised) {
    return switch (normalised) {
      case INDICATOR_ID -> "Indicator ID";
      case AREA_CODE -> "Area Code";
      case TIME_PERIOD -> "Time period";
      default -> "Value";
    };
  }

  @Override
  public long skipped() {
    return skippedCategories + skippedEmpty;
  }

  @Override
  public String skippedReason() {
    return skippedCategories
        + " rows break a value down by a category and "
        + skippedEmpty
        + " rows have no value (suppressed); they were left out";
  }
}
