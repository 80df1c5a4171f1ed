package org.fourthpurpose.question.priority;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fourthpurpose.question.AuditSignals;
import org.fourthpurpose.question.SectorAppetite;
import org.springframework.stereotype.Component;

/**
 * Partner appetite from the workspace's relationship audit ({@link AuditSignals}): audited when it
 * has an open or closed audit; a sector counts only where the audit's disclosure control shows its
 * mean (5 or more respondents, not derivable by subtraction).
 */
@Component
class AuditAppetite implements PartnerAppetite {

  private final AuditSignals signals;

  AuditAppetite(AuditSignals signals) {
    this.signals = signals;
  }

  @Override
  public Appetite appetite(String icbCode) {
    Map<String, SectorAppetite> bySector = signals.appetiteBySector(icbCode);
    Map<String, Double> shown = new LinkedHashMap<>();
    bySector.forEach(
        (sector, appetite) -> {
          if (appetite != null && appetite.meanAppetite() != null) {
            shown.put(sector, appetite.meanAppetite());
          }
        });
    return new Appetite(!bySector.isEmpty(), shown);
  }
}
