package org.fourthpurpose.question.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.question.AuditSignals;
import org.fourthpurpose.question.AuditSummary;
import org.fourthpurpose.question.RelationshipAudits;
import org.fourthpurpose.question.SectorAppetite;
import org.fourthpurpose.question.audit.AuditResults.QuestionResult;
import org.fourthpurpose.question.audit.AuditResults.SectorGroup;
import org.springframework.stereotype.Component;

/**
 * The relationship audit as the rest of the question module reads it (prioritisation, the plan):
 * every figure from the same disclosure-controlled results as the results page.
 */
@Component
class AuditFigures implements AuditSignals, RelationshipAudits {

  private final PartnerAuditStore store;
  private final PartnerAudits audits;

  AuditFigures(PartnerAuditStore store, PartnerAudits audits) {
    this.store = store;
    this.audits = audits;
  }

  @Override
  public Map<String, SectorAppetite> appetiteBySector(String icbCode) {
    Optional<RelationshipAudit> latest =
        store.audits(icbCode).stream()
            .filter(a -> a.status() != AuditStatus.DRAFT)
            .max(
                Comparator.comparing(RelationshipAudit::openedAt)
                    .thenComparing(RelationshipAudit::id));
    Map<String, SectorAppetite> bySector = new LinkedHashMap<>();
    if (latest.isEmpty()) {
      return bySector;
    }
    AuditResults results = audits.resultsOf(latest.get());
    for (SectorGroup g : results.bySector()) {
      Double mean =
          g.questions().stream()
              .filter(QuestionResult::appetite)
              .filter(q -> !q.suppressed())
              .map(QuestionResult::mean)
              .findFirst()
              .orElse(null);
      bySector.put(g.sector(), new SectorAppetite(g.sector(), g.respondents(), mean));
    }
    return bySector;
  }

  @Override
  public List<AuditSummary> forWorkspace(String icbCode) {
    return store.audits(icbCode).stream()
        .map(
            a ->
                new AuditSummary(
                    a.id(),
                    a.title(),
                    a.status().code(),
                    audits.respondentsShown(a),
                    "/workspaces/" + icbCode + "/audits/" + a.id() + "/results",
                    a.createdAt(),
                    a.closedAt()))
        .toList();
  }
}
