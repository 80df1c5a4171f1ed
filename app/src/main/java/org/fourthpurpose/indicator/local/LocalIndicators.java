package org.fourthpurpose.indicator.local;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IndicatorRepository;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.indicator.ValueType;
import org.fourthpurpose.indicator.importing.ImportedValues;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Defines, changes, publishes and deletes a workspace's local indicators, checking every field and
 * recording each change in the audit log (last, in the change's transaction). The caller checks the
 * person's role. A change that can alter what the public profile shows forgets the cached public
 * pages ({@link PublicPagesChanged}).
 *
 * <p>A definition whose workspace has values for it keeps its kind of number and every area type it
 * has values for: changing those would leave stored values the import would now refuse. Deleting a
 * definition with values deletes the values too, and only when asked to.
 */
@Service
class LocalIndicators {

  /** {@code local-} and 1 to 74 lower-case letters, digits and hyphens, not ending in a hyphen. */
  static final Pattern ID = Pattern.compile("local-[a-z0-9](?:[a-z0-9-]{0,72}[a-z0-9])?");

  static final String ORIGIN = "ADDED";

  /** What stands in the catalogue's "time periods" for a local indicator. */
  static final String TIME_PERIODS = "The periods the system imported";

  private static final String COLUMNS =
      "id, theme_code, title, definition, source, source_url, licence, attribution, unit,"
          + " value_type, polarity, ci_method, geography_levels, time_periods, method_note,"
          + " fingertips_id, origin, workspace_icb_code, created_at, created_by, updated_at,"
          + " updated_by, published";

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final IndicatorCatalogue catalogue;
  private final ImportedValues values;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LocalIndicators(
      JdbcClient sql,
      TransactionTemplate transaction,
      IndicatorCatalogue catalogue,
      ImportedValues values,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sql = sql;
    this.transaction = transaction;
    this.catalogue = catalogue;
    this.values = values;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The workspace's local indicators in the order they were defined, with their value counts. */
  List<LocalIndicator> list(String icbCode) {
    Map<String, Long> counts = values.counts(icbCode);
    return sql.sql(
            "select "
                + COLUMNS
                + " from indicator where workspace_icb_code = ? order by position, id")
        .param(icbCode)
        .query((rs, n) -> map(rs, counts.getOrDefault(rs.getString("id"), 0L)))
        .list();
  }

  /** The published ones only (or all, for members), without counting values. */
  List<LocalIndicator> definitions(String icbCode, boolean includeUnpublished) {
    return sql.sql(
            "select "
                + COLUMNS
                + " from indicator where workspace_icb_code = ?"
                + (includeUnpublished ? "" : " and published = true")
                + " order by position, id")
        .param(icbCode)
        .query((rs, n) -> map(rs, 0))
        .list();
  }

  Optional<LocalIndicator> find(String icbCode, String id) {
    return sql.sql("select " + COLUMNS + " from indicator where workspace_icb_code = ? and id = ?")
        .params(icbCode, id)
        .query((rs, n) -> map(rs, 0))
        .optional()
        .map(
            found ->
                new LocalIndicator(
                    found.indicator(),
                    found.published(),
                    found.createdBy(),
                    found.createdAt(),
                    found.updatedBy(),
                    found.updatedAt(),
                    values.counts(icbCode).getOrDefault(id, 0L)));
  }

  /**
   * Defines a new local indicator.
   *
   * @throws DefinitionProblems with every field at fault; nothing is stored
   */
  LocalIndicator define(String icbCode, LocalIndicatorDefinition definition) {
    List<FieldProblem> problems = new ArrayList<>();
    String id = definition.id() == null ? "" : definition.id().strip();
    if (id.isEmpty()) {
      problems.add(
          new FieldProblem("id", "Enter a code for the indicator, such as local-anchor-spend"));
    } else if (!ID.matcher(id).matches()) {
      problems.add(
          new FieldProblem(
              "id",
              "The code must start with local- and have only lower-case letters, digits and"
                  + " hyphens, up to 80 characters, such as local-anchor-spend"));
    } else {
      String owner =
          sql.sql("select workspace_icb_code from indicator where id = ?")
              .param(id)
              .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
              .optional()
              .map(o -> o.orElse(""))
              .orElse(null);
      if (owner != null) {
        problems.add(
            new FieldProblem(
                "id",
                owner.equals(icbCode)
                    ? "This workspace already has a local indicator with the code " + id
                    : "The code " + id + " is already used by another indicator: choose another"));
      }
    }
    Checked checked = check(definition, problems);
    if (!problems.isEmpty()) {
      throw new DefinitionProblems(problems);
    }
    Indicator indicator = checked.indicator(id, icbCode);
    String actor = audit.currentActor();
    Timestamp now = Timestamp.from(Instant.now(clock));
    transaction.executeWithoutResult(
        status -> {
          Integer last =
              sql.sql("select max(position) from indicator")
                  .query(Integer.class)
                  .optional()
                  .orElse(null);
          sql.sql(
                  "insert into indicator ("
                      + COLUMNS
                      + ", position) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, null,"
                      + " null, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  indicator.id(),
                  indicator.themeCode(),
                  indicator.title(),
                  indicator.definition(),
                  indicator.source(),
                  indicator.licence(),
                  indicator.attribution(),
                  indicator.unit(),
                  indicator.valueType().name(),
                  indicator.polarity().name(),
                  indicator.intervalMethod().name(),
                  levels(indicator.geographyLevels()),
                  indicator.timePeriods(),
                  ORIGIN,
                  icbCode,
                  now,
                  actor,
                  now,
                  actor,
                  checked.published(),
                  last == null ? 0 : last + 1)
              .update();
          audit.record(
              icbCode,
              "local-indicator.defined",
              "local indicator " + indicator.id(),
              null,
              summary(indicator, checked.published()));
        });
    if (checked.published()) {
      events.publishEvent(new PublicPagesChanged("local indicator " + id + " defined"));
    }
    return find(icbCode, id).orElseThrow();
  }

  /**
   * Changes a local indicator's definition (its code stays).
   *
   * @return empty when the workspace has no local indicator with this code
   * @throws DefinitionProblems with every field at fault; nothing is changed
   */
  Optional<LocalIndicator> update(String icbCode, String id, LocalIndicatorDefinition definition) {
    Optional<LocalIndicator> existing = find(icbCode, id);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    LocalIndicator before = existing.get();
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = check(definition, problems);
    if (problems.isEmpty() && before.values() > 0) {
      if (checked.valueType() != before.indicator().valueType()) {
        problems.add(
            new FieldProblem(
                "valueType",
                "The kind of number cannot change while the workspace has "
                    + count(before.values())
                    + " for this indicator: delete the indicator with its values, or define a"
                    + " new one"));
      }
      Set<AreaLevel> used = values.levels(icbCode, id);
      used.removeAll(checked.areaTypes());
      if (!used.isEmpty()) {
        problems.add(
            new FieldProblem(
                "areaTypes",
                "Keep "
                    + used.stream()
                        .map(LocalIndicators::levelLabel)
                        .collect(Collectors.joining(", "))
                    + ": the workspace has values for "
                    + (used.size() == 1 ? "that area type" : "those area types")));
      }
      if (checked.valueType() == ValueType.PROPORTION
          && checked.unit().startsWith("%") != before.indicator().unit().strip().startsWith("%")) {
        problems.add(
            new FieldProblem(
                "unit",
                "The scale of the proportion (% or 0 to 1) cannot change while the workspace has"
                    + " values for this indicator"));
      }
    }
    if (!problems.isEmpty()) {
      throw new DefinitionProblems(problems);
    }
    Indicator indicator = checked.indicator(id, icbCode);
    String actor = audit.currentActor();
    Timestamp now = Timestamp.from(Instant.now(clock));
    transaction.executeWithoutResult(
        status -> {
          sql.sql(
                  "update indicator set theme_code = ?, title = ?, definition = ?, source = ?,"
                      + " licence = ?, attribution = ?, unit = ?, value_type = ?, polarity = ?,"
                      + " ci_method = ?, geography_levels = ?, updated_at = ?, updated_by = ?,"
                      + " published = ? where workspace_icb_code = ? and id = ?")
              .params(
                  indicator.themeCode(),
                  indicator.title(),
                  indicator.definition(),
                  indicator.source(),
                  indicator.licence(),
                  indicator.attribution(),
                  indicator.unit(),
                  indicator.valueType().name(),
                  indicator.polarity().name(),
                  indicator.intervalMethod().name(),
                  levels(indicator.geographyLevels()),
                  now,
                  actor,
                  checked.published(),
                  icbCode,
                  id)
              .update();
          audit.record(
              icbCode,
              "local-indicator.changed",
              "local indicator " + id,
              summary(before.indicator(), before.published()),
              summary(indicator, checked.published()));
        });
    if (before.published() || checked.published()) {
      events.publishEvent(new PublicPagesChanged("local indicator " + id + " changed"));
    }
    return find(icbCode, id);
  }

  /**
   * Deletes a local indicator; with {@code withValues}, its values too.
   *
   * @return false when the workspace has no local indicator with this code
   * @throws ConflictException when it has values and {@code withValues} is false
   */
  boolean delete(String icbCode, String id, boolean withValues) {
    Optional<LocalIndicator> existing = find(icbCode, id);
    if (existing.isEmpty()) {
      return false;
    }
    LocalIndicator before = existing.get();
    if (before.values() > 0 && !withValues) {
      throw new ConflictException(
          "local-indicator-has-values",
          "Local indicator has values",
          "deleteValues",
          null,
          "The workspace has "
              + count(before.values())
              + " for "
              + id
              + ": confirm that they are to be deleted with it (deleteValues=true)");
    }
    long[] deleted = {0};
    transaction.executeWithoutResult(
        status -> {
          deleted[0] = values.delete(icbCode, id);
          sql.sql("delete from indicator where workspace_icb_code = ? and id = ?")
              .params(icbCode, id)
              .update();
          audit.record(
              icbCode,
              "local-indicator.deleted",
              "local indicator " + id,
              summary(before.indicator(), before.published()),
              count(deleted[0]) + " deleted with it");
        });
    if (before.published()) {
      events.publishEvent(new PublicPagesChanged("local indicator " + id + " deleted"));
    }
    return true;
  }

  /** A definition's fields once checked. */
  private record Checked(
      String title,
      String definition,
      String unit,
      ValueType valueType,
      Polarity polarity,
      IntervalMethod intervalMethod,
      String themeCode,
      String source,
      String licence,
      List<AreaLevel> areaTypes,
      boolean published) {

    Indicator indicator(String id, String icbCode) {
      return new Indicator(
          id,
          themeCode,
          title,
          definition,
          source,
          null,
          licence,
          source,
          unit,
          valueType,
          polarity,
          intervalMethod,
          areaTypes,
          TIME_PERIODS,
          null,
          null,
          false,
          icbCode);
    }
  }

  /** Checks every field but the code, adding a problem for each one at fault. */
  private Checked check(LocalIndicatorDefinition d, List<FieldProblem> problems) {
    String title = required(d.title(), "title", "Enter a title", 300, problems);
    String definition =
        required(
            d.definition(),
            "definition",
            "Enter a definition: what the indicator counts or measures",
            4000,
            problems);
    String unit =
        required(
            d.unit(),
            "unit",
            "Enter the unit, such as % of residents or per 1,000 people",
            100,
            problems);
    ValueType valueType =
        named(d.valueType(), ValueType.class, "valueType", "Select the kind of number", problems);
    Polarity polarity =
        named(d.polarity(), Polarity.class, "polarity", "Select which way is better", problems);
    IntervalMethod method =
        named(
            d.intervalMethod(),
            IntervalMethod.class,
            "intervalMethod",
            "Select how the 95% confidence interval is worked out",
            problems);
    if (valueType == ValueType.PROPORTION
        && unit != null
        && !unit.startsWith("%")
        && !unit.contains("0 to 1")) {
      problems.add(
          new FieldProblem(
              "unit",
              "For a proportion, start the unit with % (values 0 to 100, such as % of adults) or"
                  + " say 0 to 1 (such as proportion of people (0 to 1))"));
    }
    if (method == IntervalMethod.WILSON && valueType != null && valueType != ValueType.PROPORTION) {
      problems.add(
          new FieldProblem("intervalMethod", "The Wilson score interval is for proportions only"));
    }
    if ((method == IntervalMethod.BYARS || method == IntervalMethod.EXACT_POISSON)
        && valueType != null
        && valueType != ValueType.RATE
        && valueType != ValueType.COUNT) {
      problems.add(
          new FieldProblem(
              "intervalMethod",
              "Byars' and the exact Poisson interval are for rates and counts only"));
    }
    String themeCode = d.themeCode() == null ? "" : d.themeCode().strip();
    List<String> themeCodes = catalogue.themes().stream().map(Theme::code).toList();
    if (themeCode.isEmpty()) {
      problems.add(new FieldProblem("themeCode", "Select a theme"));
    } else if (!themeCodes.contains(themeCode)) {
      problems.add(
          new FieldProblem(
              "themeCode",
              "'"
                  + themeCode
                  + "' is not one of the catalogue's themes ("
                  + String.join(", ", themeCodes)
                  + ")"));
    }
    String source =
        required(
            d.source(),
            "source",
            "Enter the source: who collects the data and where",
            2000,
            problems);
    String licence =
        required(
            d.licence(),
            "licence",
            "Enter the licence the data is used under, such as Open Government Licence v3.0",
            200,
            problems);
    Set<AreaLevel> areaTypes = new LinkedHashSet<>();
    for (String name : d.areaTypes()) {
      AreaLevel level = AreaLevel.parse(name);
      if (level == null) {
        problems.add(
            new FieldProblem(
                "areaTypes",
                "'" + name + "' is not an area type (ENGLAND, REGION, ICB, SUB_ICB or LAD)"));
      } else {
        areaTypes.add(level);
      }
    }
    if (d.areaTypes().isEmpty()) {
      problems.add(new FieldProblem("areaTypes", "Select at least one area type"));
    }
    List<AreaLevel> ordered =
        EnumSet.allOf(AreaLevel.class).stream().filter(areaTypes::contains).toList();
    return new Checked(
        title,
        definition,
        unit,
        valueType,
        polarity,
        method,
        themeCode,
        source,
        licence,
        ordered,
        Boolean.TRUE.equals(d.published()));
  }

  private static String required(
      String text, String field, String empty, int max, List<FieldProblem> problems) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      problems.add(new FieldProblem(field, empty));
      return null;
    }
    if (value.length() > max) {
      problems.add(
          new FieldProblem(
              field, "Use " + max + " characters or fewer (this has " + value.length() + ")"));
      return null;
    }
    return value;
  }

  private static <E extends Enum<E>> E named(
      String name, Class<E> type, String field, String empty, List<FieldProblem> problems) {
    if (name == null || name.isBlank()) {
      problems.add(new FieldProblem(field, empty));
      return null;
    }
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(
              field,
              "'"
                  + name.strip()
                  + "' is not one of "
                  + Arrays.stream(type.getEnumConstants())
                      .map(Enum::name)
                      .collect(Collectors.joining(", "))));
      return null;
    }
  }

  private static String levels(List<AreaLevel> levels) {
    return levels.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  /** An area type in words for people, e.g. "sub-ICB locations". */
  static String levelLabel(AreaLevel level) {
    return switch (level) {
      case ENGLAND -> "England";
      case REGION -> "regions";
      case ICB -> "ICBs";
      case SUB_ICB -> "sub-ICB locations";
      case LAD -> "local authority districts";
    };
  }

  private static String count(long n) {
    return String.format(Locale.UK, "%,d", n) + (n == 1 ? " value" : " values");
  }

  /** A definition in a line, for the audit log. */
  private static String summary(Indicator i, boolean published) {
    return i.title()
        + " ("
        + i.valueType().name().toLowerCase(Locale.ROOT)
        + ", "
        + i.unit()
        + ", theme "
        + i.themeCode()
        + ", "
        + levels(i.geographyLevels())
        + ", "
        + (published ? "published" : "workspace only")
        + ")";
  }

  private static LocalIndicator map(ResultSet rs, long count) throws SQLException {
    Timestamp created = rs.getTimestamp("created_at");
    Timestamp updated = rs.getTimestamp("updated_at");
    return new LocalIndicator(
        IndicatorRepository.map(rs),
        rs.getBoolean("published"),
        rs.getString("created_by"),
        created == null ? null : created.toInstant(),
        rs.getString("updated_by"),
        updated == null ? null : updated.toInstant(),
        count);
  }
}
