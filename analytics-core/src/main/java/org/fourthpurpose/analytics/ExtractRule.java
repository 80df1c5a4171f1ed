package org.fourthpurpose.analytics;

import java.time.LocalDate;

/**
 * The rules an extract's values must keep, each with the sentence an {@link ExtractProblem} says
 * when it is broken. Engines find the broken rule and the value; the sentence is always made here,
 * so every engine words a problem identically.
 */
public enum ExtractRule {
  /** A required column is not in the file (line 0). */
  MISSING_COLUMN,
  /** A required value is empty. */
  EMPTY,
  /** A code is longer than {@link ExtractColumn#MAX_CODE_LENGTH}. */
  TOO_LONG,
  /** A {@code pathway_id} already seen on an earlier line. */
  DUPLICATE_PATHWAY,
  /** An LSOA code that is neither a 2021 code nor a mapped 2011 code in the lookup. */
  UNKNOWN_LSOA,
  /** An age that is not digits, or is over 120. */
  BAD_AGE,
  /** A sex code outside the accepted set. */
  BAD_SEX,
  /** An ethnic category outside the accepted set. */
  BAD_ETHNICITY,
  /** A flag that is not Y, N or empty. */
  BAD_FLAG,
  /** A treatment function that is not three digits or X01–X06. */
  BAD_TREATMENT_FUNCTION,
  /** A clock start that is not a real date written YYYY-MM-DD. */
  BAD_DATE,
  /** A clock start after the census date. */
  AFTER_CENSUS_DATE,
  /** A file with a header but no data rows (line 0). */
  NO_PATHWAYS;

  /**
   * The sentence for this rule.
   *
   * @param value the value as found, trimmed of surrounding spaces (empty for a missing column),
   *     cut to 40 characters in the sentence
   * @param censusDate the census date, used by {@link #AFTER_CENSUS_DATE}
   */
  public String message(String value, LocalDate censusDate) {
    String v = "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    return switch (this) {
      case MISSING_COLUMN -> "The file has no such column: add it or map it to one of the file's";
      case EMPTY -> "A value is required";
      case TOO_LONG -> v + " is longer than " + ExtractColumn.MAX_CODE_LENGTH + " characters";
      case DUPLICATE_PATHWAY -> v + " appears on an earlier line: each pathway must appear once";
      case UNKNOWN_LSOA -> v + " is not a 2021 or 2011 LSOA code in the lookup";
      case BAD_AGE -> v + " is not a whole number of years from 0 to 120";
      case BAD_SEX ->
          v
              + " is not a sex code: 1 or M (male), 2 or F (female), 9 (indeterminate),"
              + " 0 or X (not known), or empty";
      case BAD_ETHNICITY ->
          v + " is not an NHS ethnic category code (A to H, J to N, P, R, S, Z, 99 or empty)";
      case BAD_FLAG -> v + " is not Y, N or empty";
      case BAD_TREATMENT_FUNCTION ->
          v + " is not a treatment function code (three digits, or X01 to X06)";
      case BAD_DATE -> v + " is not a date written YYYY-MM-DD";
      case AFTER_CENSUS_DATE -> v + " is after the census date " + censusDate;
      case NO_PATHWAYS -> "The file has no pathways: it has a header but no rows";
    };
  }

  /** The problem this rule makes on a line and column. */
  public ExtractProblem problem(long line, String column, String value, LocalDate censusDate) {
    return new ExtractProblem(line, column, message(value, censusDate));
  }
}
