package org.fourthpurpose.question.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.question.AuditSignals;
import org.fourthpurpose.question.AuditSummary;
import org.fourthpurpose.question.RelationshipAudits;
import org.fourthpurpose.question.SectorAppetite;
import org.springframework.stereotype.Component;

/**
 * The relationship audits in summary for the plan, from the audit part's API: each audit's title,
 * status and respondents, and for the latest audit with answers the appetite of each sector for
 * working more closely with the NHS, only where its disclosure control shows it.
 */
@Component
class AuditPartnerViews implements PartnerViews {

  private final RelationshipAudits audits;
  private final AuditSignals signals;

  AuditPartnerViews(RelationshipAudits audits, AuditSignals signals) {
    this.audits = audits;
    this.signals = signals;
  }

  @Override
  public List<Plan.Audit> summaries(String icbCode) {
    List<AuditSummary> all = audits.forWorkspace(icbCode);
    if (all.isEmpty()) {
      return List.of();
    }
    Map<String, SectorAppetite> appetite = signals.appetiteBySector(icbCode);
    // The signals read the latest audit that is open or closed: that one carries them.
    AuditSummary latestWithAnswers =
        all.stream().filter(a -> !"draft".equals(a.status())).findFirst().orElse(null);
    List<Plan.Audit> summaries = new ArrayList<>();
    for (AuditSummary a : all) {
      List<String> points = new ArrayList<>();
      if (a == latestWithAnswers) {
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        for (SectorAppetite s : appetite.values()) {
          if (s.meanAppetite() == null) {
            hidden++;
            continue;
          }
          shown.add(
              sector(s.sector())
                  + " "
                  + String.format(Locale.UK, "%.1f", s.meanAppetite())
                  + (s.respondents() == null ? "" : " (" + s.respondents() + " responded)"));
        }
        if (!shown.isEmpty()) {
          points.add(
              "Appetite for working more closely with the NHS and the ICB, from 1 (none) to 5"
                  + " (a great deal): "
                  + String.join("; ", shown)
                  + ".");
        }
        if (hidden > 0) {
          points.add(
              hidden
                  + (hidden == 1 ? " sector is" : " sectors are")
                  + " not shown: fewer than 5 answered, or the figure would let a small group be"
                  + " worked out.");
        }
      }
      summaries.add(new Plan.Audit(a.title(), status(a.status()), a.respondents(), points));
    }
    return summaries;
  }

  private static String sector(String code) {
    return OrganisationType.find(code).map(OrganisationType::label).orElse(code);
  }

  private static String status(String code) {
    if (code == null) {
      return null;
    }
    return switch (code) {
      case "draft" -> "being drafted";
      case "open" -> "open for responses";
      case "closed" -> "closed";
      default -> code;
    };
  }
}
