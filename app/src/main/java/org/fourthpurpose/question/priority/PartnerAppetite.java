package org.fourthpurpose.question.priority;

import java.util.Map;

/**
 * Partner appetite by sector from the workspace's relationship audit: the mean answer (1 to 5) of
 * each partner sector with enough respondents to show.
 */
public interface PartnerAppetite {

  /**
   * @param audited whether the workspace has results of a relationship audit at all
   * @param bySector mean appetite 1 to 5 by anchor organisation type code; a sector with too few
   *     respondents is absent
   */
  record Appetite(boolean audited, Map<String, Double> bySector) {}

  Appetite appetite(String icbCode);
}
