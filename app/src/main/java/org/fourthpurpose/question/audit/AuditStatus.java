package org.fourthpurpose.question.audit;

import java.util.Locale;

/** Where an audit is in its life: questions edited, taking responses, or finished. */
public enum AuditStatus {
  /** Questions can be edited; no links yet. */
  DRAFT("Draft: questions can be edited"),
  /** Links have been made; responses are taken; questions are fixed. */
  OPEN("Open: taking responses"),
  /** No more responses; results are final. */
  CLOSED("Closed");

  private final String label;

  AuditStatus(String label) {
    this.label = label;
  }

  /** The code in the API and the database, e.g. {@code open}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  static AuditStatus fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
