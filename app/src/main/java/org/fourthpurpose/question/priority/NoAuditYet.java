package org.fourthpurpose.question.priority;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Partner appetite before the relationship audit is part of the product: no workspace has audit
 * results, so the criterion is left out of every score and the page says so.
 */
@Component
class NoAuditYet implements PartnerAppetite {

  @Override
  public Appetite appetite(String icbCode) {
    return new Appetite(false, Map.of());
  }
}
