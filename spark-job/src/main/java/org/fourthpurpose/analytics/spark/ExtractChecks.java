package org.fourthpurpose.analytics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.fourthpurpose.analytics.ExtractColumn;
import org.fourthpurpose.analytics.ExtractRule;
import org.fourthpurpose.analytics.ExtractValidation;

/**
 * The rules of {@link ExtractColumn} (as {@link ExtractValidation} states them in plain Java) as
 * Spark column expressions: for each canonical column, an expression that is the name of the {@link
 * ExtractRule} the row breaks there, or null. The sentences are made by {@link ExtractRule#message}
 * on the driver, so they read exactly as the DuckDB engine's.
 *
 * <p>Expressions read the reader's raw text columns and the trimmed ones this class adds ({@link
 * #trimmed}); the LSOA rule reads {@value #LOOKUP_MATCH}, set by the join with the lookup.
 */
final class ExtractChecks {

  /** Non-null when the row's LSOA code is in the lookup (set by the join). */
  static final String LOOKUP_MATCH = "lookup_lsoa21";

  private ExtractChecks() {}

  /** The name of the trimmed value of a column. */
  static String trimmedName(ExtractColumn column) {
    return "t_" + column.columnName();
  }

  /** The name of a column's rule column. */
  static String ruleName(ExtractColumn column) {
    return "p_" + column.columnName();
  }

  /**
   * The value of {@code column} without surrounding spaces (U+0020 only, as {@link
   * ExtractValidation#trimSpaces} and SQL's {@code trim}: a tab is kept, and breaks its rule).
   */
  static Column trimmed(ExtractColumn column) {
    return functions.trim(col(column.columnName()));
  }

  /** The value trimmed and in upper case: how codes are compared. */
  static Column code(ExtractColumn column) {
    return upper(col(trimmedName(column)));
  }

  /** The clock start as a date (null unless it is a real date written YYYY-MM-DD). */
  static Column clockStart() {
    Column t = col(trimmedName(ExtractColumn.CLOCK_START));
    return when(t.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), t.try_cast(DataTypes.DateType));
  }

  /** Age in whole years, null unless one to three digits ({@link ExtractValidation}). */
  static Column age() {
    Column t = col(trimmedName(ExtractColumn.AGE));
    return when(t.rlike("^[0-9]{1,3}$"), t.cast(DataTypes.IntegerType));
  }

  /** Each column's rule expression, in {@link ExtractColumn} order. */
  static Map<ExtractColumn, Column> rules(LocalDate censusDate) {
    Map<ExtractColumn, Column> rules = new LinkedHashMap<>();
    for (ExtractColumn c : ExtractColumn.values()) {
      rules.put(c, rule(c, censusDate));
    }
    return rules;
  }

  private static Column broken(ExtractRule rule) {
    return lit(rule.name());
  }

  private static Column rule(ExtractColumn column, LocalDate censusDate) {
    Column t = col(trimmedName(column));
    Column code = code(column);
    Column empty = t.equalTo("");
    Column none = lit(null).cast(DataTypes.StringType);
    return switch (column) {
      case PATHWAY_ID ->
          when(empty, broken(ExtractRule.EMPTY))
              .when(length(t).gt(ExtractColumn.MAX_CODE_LENGTH), broken(ExtractRule.TOO_LONG))
              .otherwise(none);
      case LSOA_CODE ->
          when(empty, broken(ExtractRule.EMPTY))
              .when(col(LOOKUP_MATCH).isNull(), broken(ExtractRule.UNKNOWN_LSOA))
              .otherwise(none);
      case AGE ->
          when(empty, none)
              .when(age().isNull().or(age().gt(120)), broken(ExtractRule.BAD_AGE))
              .otherwise(none);
      case SEX ->
          when(code.isin("1", "M", "2", "F", "9", "0", "X", ""), none)
              .otherwise(broken(ExtractRule.BAD_SEX));
      case ETHNICITY ->
          when(code.rlike("^([A-HJ-NPRSZ]|99)?$"), none)
              .otherwise(broken(ExtractRule.BAD_ETHNICITY));
      case FIRST_LANGUAGE_ENGLISH, LEARNING_DISABILITY, MENTAL_HEALTH ->
          when(code.isin("Y", "N", ""), none).otherwise(broken(ExtractRule.BAD_FLAG));
      case TREATMENT_FUNCTION ->
          when(empty, broken(ExtractRule.EMPTY))
              .when(code.rlike("^([0-9]{3}|X0[1-6])$"), none)
              .otherwise(broken(ExtractRule.BAD_TREATMENT_FUNCTION));
      case CLOCK_START ->
          when(empty, broken(ExtractRule.EMPTY))
              .when(clockStart().isNull(), broken(ExtractRule.BAD_DATE))
              .when(
                  clockStart().gt(lit(java.sql.Date.valueOf(censusDate))),
                  broken(ExtractRule.AFTER_CENSUS_DATE))
              .otherwise(none);
      case PROVIDER_CODE ->
          when(length(t).gt(ExtractColumn.MAX_CODE_LENGTH), broken(ExtractRule.TOO_LONG))
              .otherwise(none);
    };
  }
}
