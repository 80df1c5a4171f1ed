package org.fourthpurpose.question.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A workspace question as typed in a form or a JSON body, before it is checked: the theme, both
 * wordings and the codes of the linked indicators and policies.
 */
public record QuestionDraft(
    String theme,
    String transactional,
    String transformational,
    List<String> indicatorIds,
    List<String> policyIds) {

  public QuestionDraft {
    indicatorIds = indicatorIds == null ? List.of() : codes(indicatorIds);
    policyIds = policyIds == null ? List.of() : codes(policyIds);
  }

  /** Codes typed in one box, separated by spaces, commas or semicolons. */
  public static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return codes(Arrays.asList(text.strip().split("[\\s,;]+")));
  }

  private static List<String> codes(List<String> values) {
    LinkedHashSet<String> kept = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        kept.add(v.strip());
      }
    }
    return new ArrayList<>(kept);
  }
}
