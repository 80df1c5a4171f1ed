package org.fourthpurpose.question.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of answer an audit question takes. */
public enum QuestionKind {
  /** A whole number from 1 to 5. */
  SCALE("A scale from 1 to 5"),
  /** One of the question's options. */
  CHOICE("One choice from a list"),
  /** Free text, at most {@link AuditQuestion#MAX_TEXT_ANSWER} characters. */
  TEXT("Free text");

  private final String label;

  QuestionKind(String label) {
    this.label = label;
  }

  /** The code in the API and the database: {@code scale}, {@code choice} or {@code text}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  static Optional<QuestionKind> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.code().equals(wanted)).findFirst();
  }
}
