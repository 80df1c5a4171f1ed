package org.fourthpurpose.indicator.shipped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.indicator.ValueType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped determinants catalogue, {@code indicator/catalogue.json}: the themes, and for each
 * indicator its metadata and how to load its values from the shipped reference files.
 *
 * <p>The catalogue is data so that it can be reviewed and changed like any other file; a broken
 * catalogue stops start-up with the indicator and field at fault.
 */
record CatalogueFile(String version, String checksum, List<Theme> themes, List<Entry> indicators) {

  static final String RESOURCE = "indicator/catalogue.json";

  /**
   * One indicator of the catalogue with the instructions for loading its values.
   *
   * @param rollUp how values for ICBs, regions and England are made from smaller areas, in words
   */
  record Entry(Indicator indicator, String rollUp, Map<String, String> load) {}

  static CatalogueFile fromClassPath() {
    try (InputStream in = CatalogueFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CatalogueException(RESOURCE + " is missing from the application");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new CatalogueException(RESOURCE + " cannot be read: " + e.getMessage());
    }
  }

  static CatalogueFile parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw new CatalogueException(RESOURCE + " is not valid JSON: " + e.getOriginalMessage());
    }
    List<Theme> themes = new ArrayList<>();
    Set<String> themeCodes = new HashSet<>();
    int position = 0;
    for (JsonNode node : root.path("themes")) {
      String code = required(node, "code", "theme");
      List<String> questions = new ArrayList<>();
      node.path("guidingQuestions").forEach(q -> questions.add(q.asString()));
      if (questions.isEmpty()) {
        throw new CatalogueException("Theme " + code + ": guidingQuestions is empty");
      }
      if (!themeCodes.add(code)) {
        throw new CatalogueException("Theme " + code + " appears twice");
      }
      themes.add(
          new Theme(
              code,
              required(node, "title", code),
              required(node, "description", code),
              List.copyOf(questions),
              position++));
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode node : root.path("indicators")) {
      String id = required(node, "id", "indicator");
      if (!ids.add(id)) {
        throw new CatalogueException("Indicator " + id + " appears twice");
      }
      String theme = required(node, "theme", id);
      if (!themeCodes.contains(theme)) {
        throw new CatalogueException("Indicator " + id + ": theme " + theme + " is not defined");
      }
      List<AreaLevel> levels = new ArrayList<>();
      for (JsonNode level : node.path("geographyLevels")) {
        AreaLevel parsed = AreaLevel.parse(level.asString());
        if (parsed == null) {
          throw new CatalogueException(
              "Indicator " + id + ": geography level " + level.asString() + " is not known");
        }
        levels.add(parsed);
      }
      Indicator indicator =
          new Indicator(
              id,
              theme,
              required(node, "title", id),
              required(node, "definition", id),
              required(node, "source", id),
              optional(node, "sourceUrl"),
              required(node, "licence", id),
              required(node, "attribution", id),
              required(node, "unit", id),
              enumValue(ValueType.class, node, "valueType", id),
              enumValue(Polarity.class, node, "polarity", id),
              enumValue(IntervalMethod.class, node, "ciMethod", id),
              levels,
              required(node, "timePeriods", id),
              optional(node, "methodNote"),
              node.has("fingertipsId") ? node.get("fingertipsId").asInt() : null,
              true,
              null);
      Map<String, String> load = new LinkedHashMap<>();
      node.path("load").properties().forEach(e -> load.put(e.getKey(), e.getValue().asString()));
      if (!load.containsKey("kind")) {
        throw new CatalogueException("Indicator " + id + ": load.kind is missing");
      }
      entries.add(new Entry(indicator, required(node, "rollUp", id), Map.copyOf(load)));
    }
    if (themes.isEmpty() || entries.isEmpty()) {
      throw new CatalogueException(RESOURCE + " has no themes or no indicators");
    }
    return new CatalogueFile(
        required(root, "version", "catalogue"),
        sha256(bytes),
        List.copyOf(themes),
        List.copyOf(entries));
  }

  private static String required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asString().isBlank()) {
      throw new CatalogueException(where + ": " + field + " is missing");
    }
    return value.asString().strip();
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, JsonNode node, String field, String where) {
    String text = required(node, field, where);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new CatalogueException(
          where
              + ": "
              + field
              + " '"
              + text
              + "' is not one of "
              + List.of(type.getEnumConstants()));
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
