package org.fourthpurpose.equity.waitinglist;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tables of an analysis, by the slug the API and the engine use, with what their groups are in
 * plain words. One-way tables have a row per group; the two two-way tables a row per pair.
 */
public enum EquityTable {
  IMD_QUINTILE(
      "imd-quintile",
      "National deprivation fifth",
      "Fifths of England's neighbourhoods by the Index of Multiple Deprivation 2025: 1 is the"
          + " most deprived fifth, 5 the least.",
      false),
  IMD_DECILE(
      "imd-decile",
      "National deprivation tenth",
      "Tenths of England's neighbourhoods by the Index of Multiple Deprivation 2025: 1 is the"
          + " most deprived tenth, 10 the least.",
      false),
  ICS_FIFTH(
      "ics-fifth",
      "The system's own deprivation fifths",
      "The system's neighbourhoods in five groups of equal population, from the most deprived"
          + " (1) to the least (5) within this system.",
      false),
  ETHNICITY(
      "ethnicity",
      "Ethnic group",
      "The NHS ethnic categories in their five groups (White A–C, Mixed D–G, Asian H–L, Black M–P,"
          + " Other R–S) and not stated (Z, 99 or empty).",
      false),
  LANGUAGE(
      "language",
      "First language English",
      "Whether the patient's first language is recorded as English.",
      false),
  LEARNING_DISABILITY(
      "learning-disability",
      "Learning disability",
      "Whether the patient has a recorded learning disability.",
      false),
  MENTAL_HEALTH(
      "mental-health",
      "Serious mental illness",
      "Whether the patient has a record of serious mental illness.",
      false),
  AGE_BAND("age-band", "Age band", "Age at the census date.", false),
  SEX("sex", "Sex", "Sex as recorded.", false),
  SUB_ICB("sub-icb", "Place (sub-ICB location)", "Where the patient lives.", false),
  DISTRICT("district", "Local authority district", "Where the patient lives.", false),
  TREATMENT_FUNCTION(
      "treatment-function",
      "Treatment function",
      "The specialty the pathway is waiting for.",
      false),
  ETHNICITY_BY_ICS_FIFTH(
      "ethnicity-by-ics-fifth",
      "Ethnic group by the system's deprivation fifth",
      "Each ethnic group in each of the system's deprivation fifths (1 most deprived).",
      true),
  LEARNING_DISABILITY_BY_AGE_BAND(
      "learning-disability-by-age-band",
      "Learning disability by age band",
      "People with and without a recorded learning disability in each age band.",
      true);

  final String slug;
  final String title;
  final String groups;
  final boolean twoWay;

  EquityTable(String slug, String title, String groups, boolean twoWay) {
    this.slug = slug;
    this.title = title;
    this.groups = groups;
    this.twoWay = twoWay;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String groups() {
    return groups;
  }

  public boolean twoWay() {
    return twoWay;
  }

  /** Whether its groups run from most to least deprived (for the gradient chart). */
  public boolean deprivation() {
    return this == IMD_QUINTILE || this == IMD_DECILE || this == ICS_FIFTH;
  }

  static Optional<EquityTable> of(String slug) {
    return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
  }

  static List<EquityTable> oneWay() {
    return Arrays.stream(values()).filter(t -> !t.twoWay).toList();
  }

  static List<EquityTable> twoWayTables() {
    return Arrays.stream(values()).filter(t -> t.twoWay).toList();
  }
}
