package org.fourthpurpose.anchor.spend;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a spend file may have, by heading. {@code supplier} and {@code amount} are required,
 * with at least one kind of location: {@code lsoa_code}, {@code lad_code}, {@code latitude} with
 * {@code longitude}, or {@code postcode}. Other headings are ignored (spend files often carry
 * invoice numbers and dates, which an analysis does not need and never stores).
 */
enum SpendColumn {
  SUPPLIER("supplier"),
  AMOUNT("amount"),
  LSOA_CODE("lsoa_code"),
  LAD_CODE("lad_code"),
  LATITUDE("latitude"),
  LONGITUDE("longitude"),
  POSTCODE("postcode"),
  SME("sme"),
  VCSE("vcse");

  private final String heading;

  SpendColumn(String heading) {
    this.heading = heading;
  }

  String heading() {
    return heading;
  }

  /**
   * Each known column's position in a header row, or refuses the header.
   *
   * @param header the header's cells in order (null or blank for an empty cell)
   * @param letters whether to name columns with their sheet letter
   */
  static Map<SpendColumn, Integer> positions(List<String> header, String file, boolean letters) {
    Map<SpendColumn, Integer> positions = new EnumMap<>(SpendColumn.class);
    List<SpendProblem> problems = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String text = header.get(i);
      if (text == null) {
        continue;
      }
      String name = text.strip().toLowerCase(Locale.ROOT);
      for (SpendColumn column : values()) {
        if (column.heading.equals(name)) {
          if (positions.containsKey(column)) {
            problems.add(
                new SpendProblem(
                    1,
                    letters ? letter(i) + " (" + name + ")" : name,
                    "the header has a second "
                        + name
                        + " column: give each column once so it is clear which to read"));
          } else {
            positions.put(column, i);
          }
        }
      }
    }
    for (SpendColumn required : List.of(SUPPLIER, AMOUNT)) {
      if (!positions.containsKey(required)) {
        problems.add(
            new SpendProblem(
                1,
                required.heading,
                "the header has no "
                    + required.heading
                    + " column: the first row must name the columns supplier,amount,lsoa_code,"
                    + "lad_code,latitude,longitude"));
      }
    }
    if (positions.containsKey(LATITUDE) != positions.containsKey(LONGITUDE)) {
      SpendColumn missing = positions.containsKey(LATITUDE) ? LONGITUDE : LATITUDE;
      problems.add(
          new SpendProblem(
              1,
              missing.heading,
              "the header has no "
                  + missing.heading
                  + " column: a position needs both latitude and longitude"));
    }
    if (!positions.containsKey(LSOA_CODE)
        && !positions.containsKey(LAD_CODE)
        && !positions.containsKey(LATITUDE)
        && !positions.containsKey(POSTCODE)) {
      problems.add(
          new SpendProblem(
              1,
              null,
              "the header has no location column: add lsoa_code, lad_code or latitude and"
                  + " longitude, so that the spend can be placed"));
    }
    if (!problems.isEmpty()) {
      throw new SpendFileRefused(file, problems, problems.size());
    }
    return positions;
  }

  /** A sheet's column letter for a 0-based index: A, B, … Z, AA, … */
  static String letter(int index) {
    StringBuilder letters = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int r = (n - 1) % 26;
      letters.insert(0, (char) ('A' + r));
      n = (n - 1) / 26;
    }
    return letters.toString();
  }
}
