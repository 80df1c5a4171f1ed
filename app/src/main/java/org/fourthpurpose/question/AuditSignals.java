package org.fourthpurpose.question;

import java.util.Map;

/**
 * Partner appetite from a workspace's relationship audit, for prioritising its questions. Reads the
 * workspace's latest audit that is open or closed (a draft has no answers) and gives, for each
 * sector that was sent links, the mean answer to the audit's appetite question (the template marks
 * it: "how much appetite does your organisation have for working more closely with the NHS and the
 * ICB?", 1 to 5). Every figure has passed the same disclosure control as the audit's results: none
 * for fewer than 5 respondents, none that can be worked out by subtraction. The caller checks the
 * person's access to the workspace.
 */
public interface AuditSignals {

  /**
   * The appetite of each sector by its code (an anchor {@code OrganisationType} code), in the order
   * of the sector list; empty when the workspace has no open or closed audit.
   */
  Map<String, SectorAppetite> appetiteBySector(String icbCode);
}
