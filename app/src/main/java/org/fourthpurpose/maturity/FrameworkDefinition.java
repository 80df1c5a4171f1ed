package org.fourthpurpose.maturity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.fourthpurpose.web.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The framework as written in a JSON file ({@code maturity/framework-v1.json}) or published by a
 * platform administrator: checked here before anything is stored.
 */
record FrameworkDefinition(
    String version,
    String title,
    Source source,
    List<Guidance> systemAgeGuidance,
    List<DomainDefinition> domains) {

  record Source(String author, String title, String publisher, int year, String url, String note) {}

  record Guidance(String level, String guidance) {}

  record DomainDefinition(String id, String title, List<AreaDefinition> areas) {}

  record AreaDefinition(
      String id,
      String title,
      String summary,
      List<String> examples,
      List<String> policyLinks,
      List<LevelDefinition> levels) {}

  record LevelDefinition(String level, String descriptor) {}

  static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  // Unknown properties are ignored so the JSON of the current version (which adds e.g. a citation)
  // can be edited and published as the next one.
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Reads and checks a definition; the exception names the JSON path (or line and column). */
  static FrameworkDefinition parse(String json) {
    FrameworkDefinition definition;
    try {
      definition = JSON.readValue(json, FrameworkDefinition.class);
    } catch (JacksonException e) {
      var location = e.getLocation();
      String where =
          location == null
              ? "the JSON"
              : "line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          "definition",
          null,
          "The framework is not valid JSON at " + where + ".");
    }
    if (definition == null) {
      throw new InvalidInputException(
          "invalid-framework", "Invalid framework", "definition", null, "The framework is empty.");
    }
    definition.check();
    return definition;
  }

  String toJson() {
    return JSON.writeValueAsString(this);
  }

  private void check() {
    require("version", version, 40);
    if (!version.matches("[A-Za-z0-9.\\-]+")) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          "version",
          version,
          "The version may contain only letters, digits, dots and hyphens, e.g. \"2\" or \"2024.1\".");
    }
    require("title", title, 200);
    if (source == null) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          "source",
          null,
          "Say where the framework comes from.");
    }
    require("source.author", source.author(), 200);
    require("source.title", source.title(), 300);
    require("source.publisher", source.publisher(), 200);
    if (domains == null || domains.isEmpty()) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          "domains",
          null,
          "The framework has no domains.");
    }
    for (int g = 0; systemAgeGuidance != null && g < systemAgeGuidance.size(); g++) {
      Guidance guidance = systemAgeGuidance.get(g);
      String path = "systemAgeGuidance[" + g + "]";
      if (guidance == null
          || MaturityLevel.fromCode(guidance.level())
              .filter(MaturityLevel::isDescribed)
              .isEmpty()) {
        throw new InvalidInputException(
            "invalid-framework",
            "Invalid framework",
            path + ".level",
            guidance == null ? null : guidance.level(),
            "The level must be emerging, established or expanding.");
      }
      require(path + ".guidance", guidance.guidance(), 500);
    }
    Set<String> domainIds = new HashSet<>();
    Set<String> areaIds = new HashSet<>();
    for (int d = 0; d < domains.size(); d++) {
      DomainDefinition domain = domains.get(d);
      String path = "domains[" + d + "]";
      if (domain == null) {
        throw new InvalidInputException(
            "invalid-framework", "Invalid framework", path, null, "A domain is empty.");
      }
      identifier(path + ".id", domain.id(), domainIds);
      require(path + ".title", domain.title(), 200);
      if (domain.areas() == null || domain.areas().isEmpty()) {
        throw new InvalidInputException(
            "invalid-framework",
            "Invalid framework",
            path + ".areas",
            null,
            "The domain \"" + domain.title() + "\" has no areas of focus.");
      }
      for (int a = 0; a < domain.areas().size(); a++) {
        checkArea(path + ".areas[" + a + "]", domain.areas().get(a), areaIds);
      }
    }
  }

  static void checkArea(String path, AreaDefinition area, Set<String> areaIds) {
    if (area == null) {
      throw new InvalidInputException(
          "invalid-framework", "Invalid framework", path, null, "An area of focus is empty.");
    }
    identifier(path + ".id", area.id(), areaIds);
    require(path + ".title", area.title(), 200);
    require(path + ".summary", area.summary(), 2000);
    checkLevels(path, area.levels());
  }

  static void checkLevels(String path, List<LevelDefinition> levels) {
    if (levels == null || levels.size() != 3) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          path + ".levels",
          levels == null ? null : String.valueOf(levels.size()),
          "Each area needs exactly three levels: emerging, established and expanding.");
    }
    List<MaturityLevel> seen = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      LevelDefinition level = levels.get(l);
      String levelPath = path + ".levels[" + l + "]";
      MaturityLevel parsed =
          MaturityLevel.fromCode(level == null ? null : level.level())
              .filter(MaturityLevel::isDescribed)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "invalid-framework",
                          "Invalid framework",
                          levelPath + ".level",
                          level == null ? null : level.level(),
                          "The level must be emerging, established or expanding."));
      if (seen.contains(parsed)) {
        throw new InvalidInputException(
            "invalid-framework",
            "Invalid framework",
            levelPath + ".level",
            level.level(),
            "The level " + parsed.code() + " appears twice.");
      }
      seen.add(parsed);
      require(levelPath + ".descriptor", level.descriptor(), 4000);
    }
  }

  private static void identifier(String path, String id, Set<String> seen) {
    require(path, id, 120);
    if (!IDENTIFIER.matcher(id).matches()) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          path,
          id,
          "An id may contain only lower-case letters, digits and single hyphens.");
    }
    if (!seen.add(id)) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          path,
          id,
          "The id \"" + id + "\" is used twice.");
    }
  }

  private static void require(String path, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "invalid-framework", "Invalid framework", path, value, "The " + path + " is missing.");
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          path,
          value.substring(0, 40) + "…",
          "The " + path + " is longer than " + maxLength + " characters.");
    }
  }
}
