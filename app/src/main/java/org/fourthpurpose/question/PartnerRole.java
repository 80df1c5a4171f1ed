package org.fourthpurpose.question;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The part an organisation plays in a testable proposition. */
public enum PartnerRole {
  LEAD("lead", "Lead", "Leads the proposition and answers for it to the partnership"),
  PARTNER("partner", "Partner", "Delivers part of the pilot"),
  FUNDER("funder", "Funder", "Pays for some or all of the pilot"),
  EVALUATOR("evaluator", "Evaluator", "Judges independently whether it worked"),
  ADVISER("adviser", "Adviser", "Brings knowledge or a voice, without delivering");

  private final String code;
  private final String label;
  private final String hint;

  PartnerRole(String code, String label, String hint) {
    this.code = code;
    this.label = label;
    this.hint = hint;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** What the role means, in a sentence for the form. */
  public String hint() {
    return hint;
  }

  /** The role with this code (case and surrounding spaces ignored), if any. */
  public static Optional<PartnerRole> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst();
  }
}
