package org.fourthpurpose.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The canonical columns of a record-level waiting-list extract (one row per open pathway at the
 * census date) and the rule each value must keep. Values are trimmed of surrounding spaces first;
 * codes are compared in upper case ({@code y} is {@code Y}, {@code e01000001} is {@code
 * E01000001}). Columns other than these are ignored.
 *
 * <table>
 *   <caption>Columns, rules and the groups they make</caption>
 *   <tr><th>column</th><th>required</th><th>rule ({@link ExtractRule} when broken)</th></tr>
 *   <tr><td>{@code pathway_id}</td><td>yes</td><td>not empty, at most 64 characters, unique in the
 *       file (every repeat after the first is a {@link ExtractRule#DUPLICATE_PATHWAY})</td></tr>
 *   <tr><td>{@code lsoa_code}</td><td>yes</td><td>a 2021 LSOA code in the lookup, or a 2011 code
 *       the lookup maps to 2021</td></tr>
 *   <tr><td>{@code age}</td><td>yes</td><td>whole years written with digits only, 0 to 120; empty
 *       means not known</td></tr>
 *   <tr><td>{@code sex}</td><td>yes</td><td>{@code 1} or {@code M} (male), {@code 2} or {@code F}
 *       (female), {@code 9} (indeterminate), {@code 0} or {@code X} (not known), or empty</td></tr>
 *   <tr><td>{@code ethnicity}</td><td>yes</td><td>an NHS ethnic category code: one letter of
 *       {@code A–H, J–N, P, R, S, Z}, or {@code 99}, or empty</td></tr>
 *   <tr><td>{@code first_language_english}</td><td>yes</td><td>{@code Y}, {@code N} or
 *       empty</td></tr>
 *   <tr><td>{@code learning_disability}</td><td>yes</td><td>{@code Y}, {@code N} or
 *       empty</td></tr>
 *   <tr><td>{@code mental_health}</td><td>yes</td><td>{@code Y}, {@code N} or empty (a record of
 *       serious mental illness)</td></tr>
 *   <tr><td>{@code treatment_function}</td><td>yes</td><td>three digits ({@code 110}) or {@code
 *       X01}–{@code X06}</td></tr>
 *   <tr><td>{@code clock_start}</td><td>yes</td><td>a date written {@code YYYY-MM-DD} that exists,
 *       not after the census date</td></tr>
 *   <tr><td>{@code provider_code}</td><td>no</td><td>at most 64 characters, may be empty; not
 *       used by any analysis yet</td></tr>
 * </table>
 *
 * <p>A required column that the file lacks is one problem on line 0 ({@link
 * ExtractRule#MISSING_COLUMN}); each row has at most one problem per column.
 */
public enum ExtractColumn {
  PATHWAY_ID("pathway_id", true),
  LSOA_CODE("lsoa_code", true),
  AGE("age", true),
  SEX("sex", true),
  ETHNICITY("ethnicity", true),
  FIRST_LANGUAGE_ENGLISH("first_language_english", true),
  LEARNING_DISABILITY("learning_disability", true),
  MENTAL_HEALTH("mental_health", true),
  TREATMENT_FUNCTION("treatment_function", true),
  CLOCK_START("clock_start", true),
  PROVIDER_CODE("provider_code", false);

  /** The longest {@code pathway_id} or {@code provider_code} accepted. */
  public static final int MAX_CODE_LENGTH = 64;

  private final String columnName;
  private final boolean required;

  ExtractColumn(String columnName, boolean required) {
    this.columnName = columnName;
    this.required = required;
  }

  /** The canonical header, e.g. {@code first_language_english}. */
  public String columnName() {
    return columnName;
  }

  /** Whether an extract without this column is refused. */
  public boolean required() {
    return required;
  }

  /** The column whose canonical header is {@code name} (exact, lower case). */
  public static Optional<ExtractColumn> byName(String name) {
    return Arrays.stream(values()).filter(c -> c.columnName.equals(name)).findFirst();
  }

  /** The canonical headers in order, as a file written for the API has them. */
  public static List<String> headers() {
    return Arrays.stream(values()).map(ExtractColumn::columnName).toList();
  }
}
