package org.fourthpurpose.question.audit;

import java.util.List;

/**
 * One question of a relationship audit.
 *
 * @param id its id, the key of its answer in a response
 * @param position its place in the survey, from 1
 * @param kind scale, choice or text
 * @param text the question as respondents read it
 * @param hint optional help under the question
 * @param options a choice question's options, in order (empty otherwise)
 * @param lowLabel what 1 means on a scale, e.g. "None"
 * @param highLabel what 5 means on a scale, e.g. "A great deal"
 * @param appetite whether this is the question on appetite for working with the NHS and the ICB
 * @param templateCode the template question it was copied from, or null for the workspace's own
 */
public record AuditQuestion(
    long id,
    int position,
    QuestionKind kind,
    String text,
    String hint,
    List<String> options,
    String lowLabel,
    String highLabel,
    boolean appetite,
    String templateCode) {

  /** The longest free-text answer taken, in characters. */
  public static final int MAX_TEXT_ANSWER = 2000;

  public AuditQuestion {
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** The code of its kind, for templates and JSON. */
  public String type() {
    return kind.code();
  }
}
