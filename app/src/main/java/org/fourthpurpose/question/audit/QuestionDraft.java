package org.fourthpurpose.question.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fourthpurpose.web.InvalidInputException;

/**
 * A question as an editor writes it, before it is checked: options one per line for a choice
 * question, labels of 1 and 5 for a scale.
 */
public record QuestionDraft(
    String kind, String text, String hint, String options, String lowLabel, String highLabel) {

  static final int MAX_OPTIONS = 12;

  /** A checked question. */
  record Checked(
      QuestionKind kind,
      String text,
      String hint,
      List<String> options,
      String lowLabel,
      String highLabel) {}

  /** The same draft with a fixed kind (an existing question keeps its kind). */
  QuestionDraft withKind(QuestionKind fixed) {
    return new QuestionDraft(fixed.code(), text, hint, options, lowLabel, highLabel);
  }

  Checked check() {
    QuestionKind k =
        QuestionKind.find(kind)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "kind", kind, "Choose the kind of answer: scale, choice or text"));
    String t = AuditText.required("text", text, 500, "Enter the question");
    String h = AuditText.optional("hint", hint, 500);
    List<String> opts = List.of();
    String low = null;
    String high = null;
    switch (k) {
      case CHOICE -> {
        List<String> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : (options == null ? "" : options).split("\\R")) {
          String o = line.strip();
          if (o.isEmpty()) {
            continue;
          }
          if (o.codePointCount(0, o.length()) > 200) {
            throw new InvalidInputException("options", "Keep each option to 200 characters");
          }
          if (!seen.add(o.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("options", o, "Each option may appear only once");
          }
          list.add(o);
        }
        if (list.size() < 2 || list.size() > MAX_OPTIONS) {
          throw new InvalidInputException(
              "options", "Give from 2 to " + MAX_OPTIONS + " options, one per line");
        }
        opts = List.copyOf(list);
      }
      case SCALE -> {
        low = AuditText.optional("lowLabel", lowLabel, 60);
        high = AuditText.optional("highLabel", highLabel, 60);
      }
      case TEXT -> {}
    }
    return new Checked(k, t, h, opts, low, high);
  }
}
