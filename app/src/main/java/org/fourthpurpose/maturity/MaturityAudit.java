package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fourthpurpose.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Puts the maturity feature's changes into the audit log in one wording: rounds opened and closed,
 * assessors invited, ratings saved and submitted, levels agreed, milestones, the sharing choice,
 * framework versions and an ICS's own areas. Each call joins the caller's transaction and comes
 * last in it. Evidence texts and personal-link tokens are never recorded.
 */
@Component
class MaturityAudit {

  private final AuditLog audit;

  MaturityAudit(AuditLog audit) {
    this.audit = audit;
  }

  void roundOpened(AssessmentRound round, Framework framework, int areas) {
    audit.record(
        round.icbCode(),
        "round.opened",
        name(round),
        null,
        "open, framework version " + framework.version() + ", " + areas + " areas");
  }

  void roundClosed(AssessmentRound round) {
    audit.record(round.icbCode(), "round.closed", name(round), "open", "closed");
  }

  void assessorInvited(AssessmentRound round, Assessor assessor) {
    audit.record(
        round.icbCode(),
        "assessor.invited",
        assessor(assessor) + " in " + name(round),
        null,
        assessor.personalLink()
            ? "invited by a personal link"
            : "invited as account " + assessor.accountId());
  }

  void ratingsSaved(RoundScope scope, Assessor assessor, Map<String, Rating> saved) {
    String levels =
        saved.values().stream()
            .map(
                r ->
                    r.areaId()
                        + " "
                        + r.level().code()
                        + (r.fulfilment() == null ? "" : " (" + r.fulfilment().code() + ")"))
            .sorted()
            .collect(Collectors.joining("; "));
    recordAsAssessor(
        scope,
        assessor,
        "ratings.saved",
        null,
        saved.size() + (saved.size() == 1 ? " area" : " areas") + " rated: " + levels);
  }

  void ratingsSubmitted(RoundScope scope, Assessor assessor, int areas) {
    recordAsAssessor(
        scope, assessor, "ratings.submitted", "draft", "submitted, " + areas + " areas rated");
  }

  void agreed(RoundScope scope, FocusArea area, Agreement before, Agreement after) {
    audit.record(
        scope.round().icbCode(),
        "area.agreed",
        "area " + area.id() + " '" + area.title() + "' in " + name(scope.round()),
        before == null ? null : agreement(before),
        agreement(after));
  }

  void milestoneAdded(AssessmentRound round, Milestone milestone) {
    audit.record(
        round.icbCode(),
        "milestone.added",
        milestoneName(milestone, round),
        null,
        milestone(milestone));
  }

  void milestoneChanged(AssessmentRound round, Milestone before, Milestone after) {
    boolean onlyStatus =
        before.areaId().equals(after.areaId())
            && before.targetLevel() == after.targetLevel()
            && before.action().equals(after.action())
            && before.owner().equals(after.owner())
            && before.partners().equals(after.partners())
            && before.dueDate().equals(after.dueDate());
    audit.record(
        round.icbCode(),
        onlyStatus ? "milestone.status-changed" : "milestone.changed",
        milestoneName(after, round),
        onlyStatus ? before.status().code() : milestone(before),
        onlyStatus ? after.status().code() : milestone(after));
  }

  void sharingChanged(String icbCode, SharingChoice before, SharingChoice after) {
    audit.record(icbCode, "sharing.changed", "benchmark sharing", sharing(before), sharing(after));
  }

  void frameworkPublished(Framework framework) {
    audit.record(
        null,
        "framework.published",
        "framework version " + framework.version() + " '" + framework.title() + "'",
        null,
        "current, " + framework.areas().count() + " areas");
  }

  void areaAdded(String icbCode, FocusArea area) {
    audit.record(
        icbCode,
        "area.added",
        "area " + area.id() + " '" + area.title() + "'",
        null,
        area.domainId());
  }

  private void recordAsAssessor(
      RoundScope scope, Assessor assessor, String action, String before, String after) {
    String subject = "ratings of " + assessor(assessor) + " in " + name(scope.round());
    if (assessor.personalLink()) {
      // Nobody is signed in behind a personal link; the assessor it was made for is the actor.
      audit.recordAs(
          "assessor " + assessor.displayName() + " (personal link)",
          scope.round().icbCode(),
          action,
          subject,
          before,
          after);
    } else {
      audit.record(scope.round().icbCode(), action, subject, before, after);
    }
  }

  private static String name(AssessmentRound round) {
    return "round " + round.id() + " '" + round.name() + "'";
  }

  private static String assessor(Assessor assessor) {
    return assessor.displayName() + " (" + assessor.organisation() + ")";
  }

  private static String agreement(Agreement agreement) {
    return agreement.level().code()
        + (agreement.fulfilment() == null ? "" : " (" + agreement.fulfilment().code() + ")")
        + ": "
        + agreement.rationale();
  }

  private static String milestoneName(Milestone milestone, AssessmentRound round) {
    return "milestone " + milestone.id() + " in " + name(round);
  }

  private static String milestone(Milestone m) {
    List<String> partners = m.partners();
    return "area "
        + m.areaId()
        + ", to "
        + m.targetLevel().code()
        + ", due "
        + m.dueDate()
        + ", "
        + m.status().code()
        + ", owner "
        + m.owner()
        + (partners.isEmpty() ? "" : ", partners " + String.join(", ", partners))
        + ": "
        + m.action();
  }

  private static String sharing(SharingChoice choice) {
    if (choice.publishName()) {
      return "levels shared, name shown";
    }
    return choice.shareLevels() ? "levels shared anonymously" : "not shared";
  }
}
