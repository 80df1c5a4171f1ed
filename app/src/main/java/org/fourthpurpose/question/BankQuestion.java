package org.fourthpurpose.question;

import java.util.List;

/**
 * One entry of the question bank: a transactional question and its transformational reframing.
 *
 * @param id a stable code, e.g. {@code employment-productive-place}
 * @param theme the Step 1 theme (indicator catalogue theme code)
 * @param transactional the NHS-centric, short-term question a system usually asks
 * @param transformational the reframing that draws partners in
 * @param whyItMatters why the reframing matters, in a few sentences
 * @param partners the partner sectors it draws in: anchor {@code OrganisationType} codes
 * @param indicatorIds the Step 1 indicators (catalogue ids) that evidence it
 * @param maturityAreas the maturity framework areas (ids) it advances
 * @param policyIds the policies and funding programmes ({@link PolicyCatalogue} ids) that can help
 * @param source where the reframing comes from, e.g. the seed document, in words
 */
public record BankQuestion(
    String id,
    String theme,
    String transactional,
    String transformational,
    String whyItMatters,
    List<String> partners,
    List<String> indicatorIds,
    List<String> maturityAreas,
    List<String> policyIds,
    String source) {

  public BankQuestion {
    partners = List.copyOf(partners);
    indicatorIds = List.copyOf(indicatorIds);
    maturityAreas = List.copyOf(maturityAreas);
    policyIds = List.copyOf(policyIds);
  }
}
