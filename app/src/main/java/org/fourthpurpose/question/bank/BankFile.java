package org.fourthpurpose.question.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.question.BankQuestion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks the shipped question bank against what it links to: every Step 1 theme of the
 * indicator catalogue has at least {@value #PER_THEME} entries, and every linked theme, indicator,
 * maturity area, partner sector and policy exists. A broken bank is refused whole with a message
 * that names the file, the entry and the link at fault, so the application never starts with it.
 */
public final class BankFile {

  /** The fewest entries a theme may have. */
  public static final int PER_THEME = 2;

  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the bank links to, read from the other shipped files. */
  public record Links(
      Map<String, String> themes,
      Set<String> indicatorIds,
      Set<String> maturityAreas,
      Set<String> policyIds) {}

  /** A checked bank. */
  public record Bank(String version, List<BankQuestion> questions) {}

  private BankFile() {}

  /**
   * Reads the bank in {@code json} (named {@code file} in messages).
   *
   * @throws IllegalStateException naming the file, entry and field of the first problem
   */
  public static Bank parse(String file, String json, Links links) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      var at = e.getLocation();
      throw new IllegalStateException(
          "The question bank "
              + file
              + " is not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    if (root == null || !root.isObject()) {
      throw problem(file, "is not a JSON object");
    }
    String version = text(root, "version");
    if (version == null || version.isBlank()) {
      throw problem(file, "has no version");
    }
    JsonNode entries = root.get("questions");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw problem(file, "has no questions");
    }
    List<BankQuestion> questions = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int n = 0;
    for (JsonNode entry : entries) {
      n++;
      String where = "entry " + n;
      String id = text(entry, "id");
      if (id == null || !ID.matcher(id).matches() || id.length() > 80) {
        throw problem(file, where + ": the id must be lower-case letters, digits and hyphens");
      }
      where = where + " (" + id + ")";
      if (!ids.add(id)) {
        throw problem(file, where + ": the id is used twice");
      }
      String theme = required(file, where, entry, "theme", 40);
      if (!links.themes().containsKey(theme)) {
        throw problem(
            file, where + ": theme '" + theme + "' is not a theme of the indicator catalogue");
      }
      String transactional = required(file, where, entry, "transactional", 500);
      String transformational = required(file, where, entry, "transformational", 500);
      String why = required(file, where, entry, "whyItMatters", 2000);
      String source = required(file, where, entry, "source", 500);
      List<String> partners = list(file, where, entry, "partners");
      for (String partner : partners) {
        if (OrganisationType.find(partner).filter(t -> t.code().equals(partner)).isEmpty()) {
          throw problem(
              file, where + ": partner '" + partner + "' is not an organisation type code");
        }
      }
      List<String> indicators = list(file, where, entry, "indicatorIds");
      for (String indicator : indicators) {
        if (!links.indicatorIds().contains(indicator)) {
          throw problem(
              file, where + ": indicator '" + indicator + "' is not in the indicator catalogue");
        }
      }
      List<String> areas = list(file, where, entry, "maturityAreas");
      for (String area : areas) {
        if (!links.maturityAreas().contains(area)) {
          throw problem(
              file, where + ": maturity area '" + area + "' is not in the maturity framework");
        }
      }
      List<String> policies = list(file, where, entry, "policyIds");
      for (String policy : policies) {
        if (!links.policyIds().contains(policy)) {
          throw problem(
              file,
              where + ": policy '" + policy + "' is not in the policies and funding catalogue");
        }
      }
      questions.add(
          new BankQuestion(
              id,
              theme,
              transactional,
              transformational,
              why,
              partners,
              indicators,
              areas,
              policies,
              source));
    }
    Map<String, Integer> perTheme = new LinkedHashMap<>();
    links.themes().keySet().forEach(t -> perTheme.put(t, 0));
    questions.forEach(q -> perTheme.merge(q.theme(), 1, Integer::sum));
    for (var e : perTheme.entrySet()) {
      if (e.getValue() < PER_THEME) {
        throw problem(
            file,
            "covers theme '"
                + e.getKey()
                + "' ("
                + links.themes().get(e.getKey())
                + ") with "
                + e.getValue()
                + (e.getValue() == 1 ? " entry" : " entries")
                + "; every theme needs at least "
                + PER_THEME);
      }
    }
    // Catalogue theme order, then file order.
    List<String> order = new ArrayList<>(links.themes().keySet());
    List<BankQuestion> ordered = new ArrayList<>(questions);
    ordered.sort(java.util.Comparator.comparingInt(q -> order.indexOf(q.theme())));
    return new Bank(version, List.copyOf(ordered));
  }

  /** The themes (code to title) and indicator ids of a catalogue file. */
  public static Links catalogueLinks(
      String catalogueJson, String frameworkJson, Set<String> policy) {
    JsonNode catalogue = JSON.readTree(catalogueJson);
    Map<String, String> themes = new LinkedHashMap<>();
    catalogue.get("themes").forEach(t -> themes.put(text(t, "code"), text(t, "title")));
    Set<String> indicators = new LinkedHashSet<>();
    catalogue.get("indicators").forEach(i -> indicators.add(text(i, "id")));
    Set<String> areas = new LinkedHashSet<>();
    JsonNode framework = JSON.readTree(frameworkJson);
    framework.get("domains").forEach(d -> d.get("areas").forEach(a -> areas.add(text(a, "id"))));
    return new Links(themes, indicators, areas, policy);
  }

  private static String required(String file, String where, JsonNode entry, String field, int max) {
    String value = text(entry, field);
    if (value == null || value.isBlank()) {
      throw problem(file, where + ": " + field + " is missing");
    }
    if (value.length() > max) {
      throw problem(file, where + ": " + field + " is longer than " + max + " characters");
    }
    return value.strip();
  }

  private static List<String> list(String file, String where, JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw problem(file, where + ": " + field + " must list at least one code");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : node) {
      if (!value.isString() || value.asString().isBlank()) {
        throw problem(file, where + ": " + field + " must hold only codes");
      }
      if (!values.contains(value.asString())) {
        values.add(value.asString());
      }
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isString() ? null : value.asString();
  }

  private static IllegalStateException problem(String file, String message) {
    return new IllegalStateException("The question bank " + file + " " + message);
  }
}
