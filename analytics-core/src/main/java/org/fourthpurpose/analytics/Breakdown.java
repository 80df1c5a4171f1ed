package org.fourthpurpose.analytics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A way of dividing the pathways on a waiting list into groups, named by the slug the API and the
 * Spark job's output files use ({@code imd-quintile} → {@code imd-quintile.csv}).
 *
 * <p>Every one-way breakdown is a partition: each valid pathway falls in exactly one group, so a
 * breakdown's groups add up to the total. Groups and their labels ({@link PathwayGroups} says how
 * each value maps):
 *
 * <ul>
 *   <li>{@link #IMD_QUINTILE}, {@link #IMD_DECILE}: the national IMD 2025 quintile or decile of the
 *       pathway's neighbourhood, {@code "1"} = most deprived.
 *   <li>{@link #ICS_FIFTH}: the fifth of its own ICS the neighbourhood is in, by
 *       population-weighted IMD rank ({@link NeighbourhoodLookups}), {@code "1"} = most deprived.
 *   <li>{@link #ETHNICITY}: {@code White}, {@code Mixed}, {@code Asian}, {@code Black}, {@code
 *       Other}, {@code Not stated}.
 *   <li>{@link #LANGUAGE} (first language English), {@link #LEARNING_DISABILITY}, {@link
 *       #MENTAL_HEALTH}: {@code Yes}, {@code No}, {@code Not recorded}.
 *   <li>{@link #AGE_BAND}: {@code 0-17}, {@code 18-39}, {@code 40-59}, {@code 60-74}, {@code 75+},
 *       {@code Not known}.
 *   <li>{@link #SEX}: {@code Male}, {@code Female}, {@code Indeterminate}, {@code Not known}.
 *   <li>{@link #SUB_ICB}: the sub-ICB location's ONS code ({@code E38…}); {@link #DISTRICT}: the
 *       local authority district's ONS code ({@code E06…}, {@code E07…}, {@code E08…}, {@code
 *       E09…}); {@link #TREATMENT_FUNCTION}: the treatment function code in upper case ({@code
 *       110}, {@code X02}). These groups are the values found, in code order.
 *   <li>Two-way tables: {@link #ETHNICITY_BY_ICS_FIFTH} (rows ethnic group, columns ICS fifth) and
 *       {@link #LEARNING_DISABILITY_BY_AGE_BAND} (rows learning disability, columns age band).
 * </ul>
 */
public enum Breakdown {
  IMD_QUINTILE(
      "imd-quintile",
      "Deprivation quintile of the neighbourhood (England)",
      List.of("1", "2", "3", "4", "5")),
  IMD_DECILE(
      "imd-decile",
      "Deprivation decile of the neighbourhood (England)",
      List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")),
  ICS_FIFTH(
      "ics-fifth",
      "Deprivation fifth of the neighbourhood within the system",
      List.of("1", "2", "3", "4", "5")),
  ETHNICITY("ethnicity", "Ethnic group", PathwayGroups.ETHNIC_GROUPS),
  LANGUAGE("language", "First language English", PathwayGroups.FLAG_GROUPS),
  LEARNING_DISABILITY("learning-disability", "Learning disability", PathwayGroups.FLAG_GROUPS),
  MENTAL_HEALTH("mental-health", "Serious mental illness recorded", PathwayGroups.FLAG_GROUPS),
  AGE_BAND("age-band", "Age band", PathwayGroups.AGE_BANDS),
  SEX("sex", "Sex", PathwayGroups.SEXES),
  SUB_ICB("sub-icb", "Sub-ICB location", List.of()),
  DISTRICT("district", "Local authority district", List.of()),
  TREATMENT_FUNCTION("treatment-function", "Treatment function", List.of()),
  ETHNICITY_BY_ICS_FIFTH("ethnicity-by-ics-fifth", "Ethnic group by deprivation fifth", List.of()),
  LEARNING_DISABILITY_BY_AGE_BAND(
      "learning-disability-by-age-band", "Learning disability by age band", List.of());

  private final String slug;
  private final String title;
  private final List<String> groups;

  Breakdown(String slug, String title, List<String> groups) {
    this.slug = slug;
    this.title = title;
    this.groups = groups;
  }

  /** The name in URLs and file names, e.g. {@code imd-quintile}. */
  public String slug() {
    return slug;
  }

  /** A heading in plain words, e.g. "Ethnic group". */
  public String title() {
    return title;
  }

  /** Whether this is a two-way table (groups × columns). */
  public boolean isTwoWay() {
    return this == ETHNICITY_BY_ICS_FIFTH || this == LEARNING_DISABILITY_BY_AGE_BAND;
  }

  /** For a two-way table, the breakdown of its rows; for a one-way breakdown, itself. */
  public Breakdown rows() {
    return switch (this) {
      case ETHNICITY_BY_ICS_FIFTH -> ETHNICITY;
      case LEARNING_DISABILITY_BY_AGE_BAND -> LEARNING_DISABILITY;
      default -> this;
    };
  }

  /** For a two-way table, the breakdown of its columns; empty for a one-way breakdown. */
  public Optional<Breakdown> columns() {
    return switch (this) {
      case ETHNICITY_BY_ICS_FIFTH -> Optional.of(ICS_FIFTH);
      case LEARNING_DISABILITY_BY_AGE_BAND -> Optional.of(AGE_BAND);
      default -> Optional.empty();
    };
  }

  /**
   * The groups every table of this one-way breakdown lists, in order (also those nobody is in);
   * empty when the groups are the values found ({@link #SUB_ICB}, {@link #DISTRICT}, {@link
   * #TREATMENT_FUNCTION}) or for a two-way table (see {@link #rows()} and {@link #columns()}).
   */
  public List<String> fixedGroups() {
    return groups;
  }

  /** Orders this breakdown's group labels: fixed groups in their order, others by code. */
  public Comparator<String> groupOrder() {
    Breakdown rows = rows();
    if (rows.groups.isEmpty()) {
      return Comparator.naturalOrder();
    }
    return Comparator.comparingInt((String g) -> rank(rows.groups, g))
        .thenComparing(Comparator.naturalOrder());
  }

  /** Orders the column labels of a two-way table (natural order for a one-way breakdown). */
  public Comparator<String> columnOrder() {
    return columns().map(Breakdown::groupOrder).orElse(Comparator.<String>naturalOrder());
  }

  private static int rank(List<String> groups, String group) {
    int index = groups.indexOf(group);
    return index < 0 ? groups.size() : index;
  }

  /** The breakdown with this slug. */
  public static Optional<Breakdown> bySlug(String slug) {
    return Arrays.stream(values()).filter(b -> b.slug.equals(slug)).findFirst();
  }

  private static final List<Breakdown> ONE_WAY =
      Arrays.stream(values()).filter(b -> !b.isTwoWay()).toList();
  private static final List<Breakdown> TWO_WAY =
      Arrays.stream(values()).filter(Breakdown::isTwoWay).toList();

  /** The one-way breakdowns, in order. */
  public static List<Breakdown> oneWay() {
    return ONE_WAY;
  }

  /** The two-way tables, in order. */
  public static List<Breakdown> twoWay() {
    return TWO_WAY;
  }
}
