package org.fourthpurpose.question.audit;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.web.InvalidInputException;

/**
 * Checks a respondent's answers against the audit's questions: a scale takes a whole number from 1
 * to 5, a choice one of its options exactly, a text at most {@value AuditQuestion#MAX_TEXT_ANSWER}
 * characters; unknown questions are refused; an empty or missing answer is a skipped question; at
 * least one question must be answered. Every problem names its question.
 */
public final class AnswerCheck {

  private AnswerCheck() {}

  /** The checked answers (values ready to store) and the problems by answer key. */
  public record Outcome(Map<Long, Object> answers, Map<String, String> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }

    /** The answers, or the first problem as a 400 naming its question. */
    Map<Long, Object> orElseThrowFirst() {
      if (problems.isEmpty()) {
        return answers;
      }
      Map.Entry<String, String> first = problems.entrySet().iterator().next();
      String field = first.getKey().equals("answers") ? "answers" : "answers." + first.getKey();
      throw new InvalidInputException(field, first.getValue());
    }
  }

  /**
   * Checks answers keyed by question id. From JSON, a value is an Integer/Long/BigInteger, a
   * Double, a String, a Boolean or another object; from a form every value is a String.
   */
  static Outcome check(List<AuditQuestion> questions, Map<String, Object> given, boolean fromForm) {
    Map<String, String> problems = new LinkedHashMap<>();
    Map<Long, Object> answers = new LinkedHashMap<>();
    Map<Long, AuditQuestion> byId = new LinkedHashMap<>();
    questions.forEach(q -> byId.put(q.id(), q));
    if (given == null) {
      problems.put("answers", "Send the answers as an object keyed by question id");
      return new Outcome(Map.of(), problems);
    }
    for (Map.Entry<String, Object> e : given.entrySet()) {
      String key = e.getKey();
      AuditQuestion q = question(byId, key);
      if (q == null) {
        problems.put(
            key,
            "There is no question '"
                + shorten(key)
                + "' in this survey; the question ids are "
                + byId.keySet());
        continue;
      }
      Object value = e.getValue();
      if (value == null || (value instanceof String s && s.isBlank())) {
        continue; // skipped
      }
      String name = "Question " + q.position() + " (\"" + shorten(q.text()) + "\")";
      switch (q.kind()) {
        case SCALE -> {
          Integer v = scale(value, fromForm);
          if (v == null || v < 1 || v > 5) {
            problems.put(key, name + " takes a whole number from 1 to 5");
          } else {
            answers.put(q.id(), v);
          }
        }
        case CHOICE -> {
          if (!(value instanceof String s) || !q.options().contains(s.strip())) {
            problems.put(
                key, name + " takes one of its options: " + String.join("; ", q.options()));
          } else {
            answers.put(q.id(), new PartnerAuditStore.ChoiceAnswer(s.strip()));
          }
        }
        case TEXT -> {
          if (!(value instanceof String s)) {
            problems.put(key, name + " takes text");
          } else {
            String clean = s.strip();
            if (clean.codePointCount(0, clean.length()) > AuditQuestion.MAX_TEXT_ANSWER) {
              problems.put(
                  key,
                  name
                      + " takes at most "
                      + AuditQuestion.MAX_TEXT_ANSWER
                      + " characters; this answer has "
                      + clean.codePointCount(0, clean.length()));
            } else {
              answers.put(q.id(), clean);
            }
          }
        }
      }
    }
    if (problems.isEmpty() && answers.isEmpty()) {
      problems.put("answers", "Answer at least one question");
    }
    return new Outcome(answers, problems);
  }

  private static AuditQuestion question(Map<Long, AuditQuestion> byId, String key) {
    if (key == null || key.length() > 18 || !key.matches("\\d+")) {
      return null;
    }
    return byId.get(Long.parseLong(key));
  }

  private static Integer scale(Object value, boolean fromForm) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? l.intValue() : null;
    }
    if (value instanceof BigInteger) {
      return null;
    }
    if (fromForm && value instanceof String s && s.strip().matches("[1-5]")) {
      return Integer.parseInt(s.strip());
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "…";
  }
}
