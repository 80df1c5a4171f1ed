package org.fourthpurpose.analytics;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-value rules of {@link ExtractColumn}, in plain Java: the reference every engine's own
 * checks (SQL, Spark expressions) must agree with, and what engines call to name the rule a value
 * broke once they know the value is bad. The one rule it cannot check alone is {@link
 * ExtractRule#DUPLICATE_PATHWAY}, which needs the whole file.
 */
public final class ExtractValidation {

  private static final Pattern AGE = Pattern.compile("[0-9]{1,3}");
  private static final Pattern TREATMENT_FUNCTION = Pattern.compile("[0-9]{3}|X0[1-6]");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Set<String> SEXES = Set.of("1", "M", "2", "F", "9", "0", "X", "");
  private static final Set<String> ETHNIC_CODES =
      Set.of(
          "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99",
          "");
  private static final Set<String> FLAGS = Set.of("Y", "N", "");

  /** The oldest age accepted, in years. */
  public static final int MAX_AGE = 120;

  private ExtractValidation() {}

  /**
   * The rule a value breaks, if any (duplicates aside).
   *
   * @param column the column
   * @param value the value as read ({@code null} is empty); trimmed here
   * @param censusDate the census date
   * @param lookup the neighbourhoods, for {@code lsoa_code}
   */
  public static Optional<ExtractRule> check(
      ExtractColumn column, String value, LocalDate censusDate, NeighbourhoodLookup lookup) {
    String v = value == null ? "" : value.trim();
    String upper = v.toUpperCase(Locale.ROOT);
    ExtractRule broken =
        switch (column) {
          case PATHWAY_ID ->
              v.isEmpty()
                  ? ExtractRule.EMPTY
                  : v.length() > ExtractColumn.MAX_CODE_LENGTH ? ExtractRule.TOO_LONG : null;
          case LSOA_CODE ->
              v.isEmpty()
                  ? ExtractRule.EMPTY
                  : lookup.find(upper).isEmpty() ? ExtractRule.UNKNOWN_LSOA : null;
          case AGE ->
              v.isEmpty()
                  ? null
                  : !AGE.matcher(v).matches() || Integer.parseInt(v) > MAX_AGE
                      ? ExtractRule.BAD_AGE
                      : null;
          case SEX -> SEXES.contains(upper) ? null : ExtractRule.BAD_SEX;
          case ETHNICITY -> ETHNIC_CODES.contains(upper) ? null : ExtractRule.BAD_ETHNICITY;
          case FIRST_LANGUAGE_ENGLISH, LEARNING_DISABILITY, MENTAL_HEALTH ->
              FLAGS.contains(upper) ? null : ExtractRule.BAD_FLAG;
          case TREATMENT_FUNCTION ->
              v.isEmpty()
                  ? ExtractRule.EMPTY
                  : TREATMENT_FUNCTION.matcher(upper).matches()
                      ? null
                      : ExtractRule.BAD_TREATMENT_FUNCTION;
          case CLOCK_START -> checkDate(v, censusDate);
          case PROVIDER_CODE ->
              v.length() > ExtractColumn.MAX_CODE_LENGTH ? ExtractRule.TOO_LONG : null;
        };
    return Optional.ofNullable(broken);
  }

  private static ExtractRule checkDate(String v, LocalDate censusDate) {
    if (v.isEmpty()) {
      return ExtractRule.EMPTY;
    }
    LocalDate date = parseDate(v);
    if (date == null) {
      return ExtractRule.BAD_DATE;
    }
    return date.isAfter(censusDate) ? ExtractRule.AFTER_CENSUS_DATE : null;
  }

  /** A date written exactly {@code YYYY-MM-DD} that exists, or {@code null}. */
  public static LocalDate parseDate(String value) {
    String v = value.trim();
    if (!DATE.matcher(v).matches()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(v.substring(0, 4)),
          Integer.parseInt(v.substring(5, 7)),
          Integer.parseInt(v.substring(8, 10)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
