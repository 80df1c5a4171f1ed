package org.fourthpurpose.indicator;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The determinants catalogue as the rest of the product sees it: themes, indicators with their
 * metadata, and the indicators an administrator adds.
 */
@Service
public class IndicatorCatalogue {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,78}[a-z0-9]");

  private final IndicatorRepository repository;
  private final Clock clock;

  IndicatorCatalogue(IndicatorRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public List<Theme> themes() {
    return repository.themes();
  }

  public Optional<Theme> theme(String code) {
    return themes().stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /** Public indicators, in catalogue order. */
  public List<Indicator> publicIndicators() {
    return repository.indicators(null).stream().filter(Indicator::isPublic).toList();
  }

  /** Public indicators and those local to one workspace, by id in catalogue order. */
  public Map<String, Indicator> indicatorsFor(String workspaceIcbCode) {
    Map<String, Indicator> byId = new LinkedHashMap<>();
    repository.indicators(workspaceIcbCode).forEach(i -> byId.put(i.id(), i));
    return byId;
  }

  public Optional<Indicator> indicator(String id) {
    return repository.indicator(id);
  }

  /** What the shipped loader could not use for this indicator, in plain sentences. */
  public List<String> loadNotes(String id) {
    return repository.loadNotes(id);
  }

  /**
   * Adds an indicator to the catalogue: public when {@code workspaceIcbCode} is null (platform
   * administrators), otherwise local to that workspace. The caller checks the permission.
   *
   * @throws InvalidInputException naming the field at fault
   */
  public Indicator add(Indicator indicator) {
    if (indicator.id() == null || !ID.matcher(indicator.id()).matches()) {
      throw invalid(
          "id", "use 3 to 80 lower-case letters, digits and hyphens, e.g. local-anchor-spend");
    }
    if (repository.exists(indicator.id())) {
      throw invalid("id", "an indicator with this id already exists");
    }
    if (themes().stream().noneMatch(t -> t.code().equals(indicator.themeCode()))) {
      throw invalid("themeCode", "choose one of the catalogue's themes");
    }
    for (var field :
        Map.of(
                "title", nullToEmpty(indicator.title()),
                "definition", nullToEmpty(indicator.definition()),
                "source", nullToEmpty(indicator.source()),
                "licence", nullToEmpty(indicator.licence()),
                "unit", nullToEmpty(indicator.unit()),
                "timePeriods", nullToEmpty(indicator.timePeriods()))
            .entrySet()) {
      if (field.getValue().isBlank()) {
        throw invalid(field.getKey(), "is required");
      }
    }
    if (indicator.valueType() == null
        || indicator.polarity() == null
        || indicator.intervalMethod() == null) {
      throw invalid("valueType", "value type, polarity and interval method are required");
    }
    if (indicator.geographyLevels().isEmpty()) {
      throw invalid("geographyLevels", "choose at least one level");
    }
    Indicator stored =
        new Indicator(
            indicator.id(),
            indicator.themeCode(),
            indicator.title().strip(),
            indicator.definition().strip(),
            indicator.source().strip(),
            indicator.sourceUrl(),
            indicator.licence().strip(),
            indicator.attribution() == null || indicator.attribution().isBlank()
                ? indicator.source().strip()
                : indicator.attribution().strip(),
            indicator.unit().strip(),
            indicator.valueType(),
            indicator.polarity(),
            indicator.intervalMethod(),
            indicator.geographyLevels(),
            indicator.timePeriods().strip(),
            indicator.methodNote(),
            indicator.fingertipsId(),
            false,
            indicator.workspaceIcbCode());
    repository.insert(stored, Timestamp.from(Instant.now(clock)));
    return stored;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /** A problem with one field of a new indicator; the message starts with the field's name. */
  private static InvalidInputException invalid(String field, String problem) {
    return new InvalidInputException(field, field + ": " + problem);
  }
}
