package org.fourthpurpose.question.proposition;

import java.util.List;

/**
 * A proposition as a form or an API body gives it, unchecked: every value as text.
 *
 * @param partners each organisation (its register id) and its role code
 * @param policies policy catalogue ids
 * @param places codes of sub-ICB locations or districts of the system
 */
record PropositionDraft(
    String questionId,
    String title,
    String ifWe,
    String then,
    String measuredBy,
    List<PartnerInput> partners,
    List<String> policies,
    List<String> places,
    String pilotWhom,
    String pilotFrom,
    String pilotTo,
    String pilotCost) {

  PropositionDraft {
    partners = partners == null ? List.of() : List.copyOf(partners);
    policies = policies == null ? List.of() : policies.stream().filter(p -> p != null).toList();
    places = places == null ? List.of() : places.stream().filter(p -> p != null).toList();
  }

  /** One partner as given: the organisation's register id and the role's code. */
  record PartnerInput(String organisationId, String role) {}

  static PropositionDraft empty(String questionId) {
    return new PropositionDraft(
        questionId, "", "", "", "", List.of(), List.of(), List.of(), "", "", "", "");
  }
}
