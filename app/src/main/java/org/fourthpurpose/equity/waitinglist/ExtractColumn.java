package org.fourthpurpose.equity.waitinglist;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A column of a waiting-list extract as the analysis names it, with what it holds in words for the
 * column-mapping page. One row per open pathway at the census date.
 */
public enum ExtractColumn {
  PATHWAY_ID("pathway_id", "Pathway identifier", "Unique for each open pathway", true),
  LSOA_CODE(
      "lsoa_code",
      "Neighbourhood (LSOA) code",
      "The patient's 2021 LSOA code (E01…); 2011 codes are mapped through the ONS lookup",
      true),
  AGE("age", "Age", "Age in whole years at the census date", true),
  SEX("sex", "Sex", "1 or M male, 2 or F female, 9 indeterminate, 0, X or empty not known", true),
  ETHNICITY("ethnicity", "Ethnic category", "NHS ethnic category code, A to Z, or 99", true),
  FIRST_LANGUAGE_ENGLISH(
      "first_language_english", "First language English", "Y, N or empty when not recorded", true),
  LEARNING_DISABILITY(
      "learning_disability", "Learning disability", "Y, N or empty when not recorded", true),
  MENTAL_HEALTH(
      "mental_health",
      "Serious mental illness",
      "Y, N or empty when not recorded: a record of serious mental illness",
      true),
  TREATMENT_FUNCTION(
      "treatment_function", "Treatment function", "The treatment function code, such as 110", true),
  CLOCK_START(
      "clock_start", "Clock start", "The date the pathway's clock started, as 2025-03-31", true),
  PROVIDER_CODE("provider_code", "Provider", "The provider's ODS code (optional)", false);

  final String column;
  final String label;
  final String hint;
  final boolean required;

  ExtractColumn(String column, String label, String hint, boolean required) {
    this.column = column;
    this.label = label;
    this.hint = hint;
    this.required = required;
  }

  public String column() {
    return column;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }

  public boolean required() {
    return required;
  }

  static List<ExtractColumn> requiredColumns() {
    return Arrays.stream(values()).filter(c -> c.required).toList();
  }

  static Optional<ExtractColumn> of(String column) {
    String name = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.column.equals(name)).findFirst();
  }

  /** A header as the analysis compares it: trimmed, lower case, spaces as underscores. */
  static String normalise(String header) {
    return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
