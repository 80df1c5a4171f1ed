package org.fourthpurpose.question;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A testable proposition: a hypothesis for one of a workspace's priority questions ("if we … then …
 * as measured by …"), the partners who will test it and their roles, the policy levers and funding
 * programmes it uses, a pilot, and where it stands.
 *
 * @param questionId the workspace question it answers
 * @param ifWe what the partners will do ("if we …")
 * @param then what they expect to change ("then …")
 * @param measuredBy how they will know ("as measured by …")
 * @param policyIds the policy catalogue entries it uses (policies and funding programmes)
 * @param pilot where, for whom, when and at what cost it is tried
 */
public record Proposition(
    long id,
    String icbCode,
    long questionId,
    String title,
    String ifWe,
    String then,
    String measuredBy,
    List<Partner> partners,
    List<String> policyIds,
    Pilot pilot,
    PropositionStatus status,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  public Proposition {
    partners = List.copyOf(partners);
    policyIds = List.copyOf(policyIds);
  }

  /** The hypothesis as one sentence: "If we …, then … as measured by …." */
  public String hypothesis() {
    return "If we "
        + clause(ifWe)
        + ", then "
        + clause(then)
        + ", as measured by "
        + end(measuredBy);
  }

  private static String clause(String text) {
    String t = text.strip();
    while (t.endsWith(".") || t.endsWith(",")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  private static String end(String text) {
    String t = clause(text);
    return t.endsWith("?") || t.endsWith("!") ? t : t + ".";
  }

  /** An organisation of the workspace's anchor register and its role. */
  public record Partner(long organisationId, PartnerRole role) {}

  /**
   * A pilot; any part may be missing while the proposition is an idea.
   *
   * @param places codes of sub-ICB locations (E38…) or local authority districts of the system
   * @param cost in pounds, two decimal places
   */
  public record Pilot(
      List<String> places, String whom, LocalDate from, LocalDate to, BigDecimal cost) {
    public Pilot {
      places = List.copyOf(places);
    }

    public boolean isEmpty() {
      return places.isEmpty() && whom == null && from == null && to == null && cost == null;
    }
  }
}
