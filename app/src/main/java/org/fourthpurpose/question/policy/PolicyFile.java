package org.fourthpurpose.question.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fourthpurpose.question.Policy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks the shipped catalogue of policies and funding programmes ({@value #SHIPPED}),
 * which seeds version 1 of each. A broken file stops the application with a message naming the
 * entry and the field.
 */
public final class PolicyFile {

  public static final String SHIPPED = "question/policies-v1.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PolicyFile() {}

  /**
   * The entries of the file as version 1, in file order.
   *
   * @throws IllegalStateException naming the entry and field of the first problem
   */
  public static List<Policy> parse(String file, String json, LocalDate today) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalStateException("The policies catalogue " + file + " is not valid JSON");
    }
    JsonNode entries = root == null ? null : root.get("policies");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw new IllegalStateException("The policies catalogue " + file + " has no policies");
    }
    List<Policy> policies = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int n = 0;
    for (JsonNode entry : entries) {
      n++;
      PolicyDraft draft =
          new PolicyDraft(
              text(entry, "id"),
              text(entry, "kind"),
              text(entry, "name"),
              text(entry, "summary"),
              text(entry, "enables"),
              text(entry, "whoCanUse"),
              text(entry, "status"),
              text(entry, "checked"),
              text(entry, "sourceUrl"));
      List<PolicyDraft.Problem> problems = draft.problems(today);
      if (!problems.isEmpty()) {
        PolicyDraft.Problem first = problems.get(0);
        throw new IllegalStateException(
            "The policies catalogue "
                + file
                + " entry "
                + n
                + (draft.id() == null ? "" : " (" + draft.id() + ")")
                + ", "
                + first.field()
                + ": "
                + first.message());
      }
      if (!ids.add(draft.id().strip())) {
        throw new IllegalStateException(
            "The policies catalogue " + file + " entry " + n + " repeats the id " + draft.id());
      }
      policies.add(StoredPolicyCatalogue.policy(draft, 1, null, null));
    }
    return policies;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isString() ? null : value.asString();
  }
}
