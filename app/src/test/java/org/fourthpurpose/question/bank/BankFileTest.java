package org.fourthpurpose.question.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.question.Policy;
import org.fourthpurpose.question.policy.PolicyFile;
import org.junit.jupiter.api.Test;

/**
 * The shipped bank against the shipped catalogue, framework and policies, and broken banks refused
 * with a message naming the entry and the link.
 */
class BankFileTest {

  static final String BANK = ShippedQuestionBank.read(ShippedQuestionBank.SHIPPED);
  static final BankFile.Links LINKS =
      BankFile.catalogueLinks(
          ShippedQuestionBank.read(ShippedQuestionBank.CATALOGUE),
          ShippedQuestionBank.read(ShippedQuestionBank.FRAMEWORK),
          PolicyFile.parse(
                  PolicyFile.SHIPPED,
                  ShippedQuestionBank.read(PolicyFile.SHIPPED),
                  LocalDate.of(2026, 11, 30))
              .stream()
              .map(Policy::id)
              .collect(Collectors.toSet()));

  @Test
  void theShippedBankCoversEveryThemeAndEveryLinkExists() {
    BankFile.Bank bank = BankFile.parse("bank-v1.json", BANK, LINKS);
    assertThat(bank.version()).isEqualTo("1");
    assertThat(bank.questions()).hasSize(27);
    Map<String, Long> perTheme =
        bank.questions().stream()
            .collect(
                Collectors.groupingBy(
                    BankQuestion::theme, LinkedHashMap::new, Collectors.counting()));
    assertThat(perTheme.keySet()).containsExactlyElementsOf(LINKS.themes().keySet());
    assertThat(perTheme.values()).allMatch(n -> n >= 3);
    for (BankQuestion q : bank.questions()) {
      assertThat(LINKS.indicatorIds()).containsAll(q.indicatorIds());
      assertThat(LINKS.maturityAreas()).containsAll(q.maturityAreas());
      assertThat(LINKS.policyIds()).containsAll(q.policyIds());
    }
    assertThat(bank.questions().get(0).id()).isEqualTo("employment-productive-place");
  }

  @Test
  void theShippedPoliciesIncludeTheIssuesListWithDatesAndSources() {
    assertThat(LINKS.policyIds())
        .contains(
            "social-value-act-2012",
            "social-value-model",
            "nhs-act-2006-s75",
            "procurement-act-2023",
            "provider-selection-regime",
            "health-and-care-act-2022-duties",
            "real-living-wage",
            "good-work-charters",
            "nhs-net-zero-supplier-roadmap",
            "un-sdgs",
            "devolution-deals",
            "uk-shared-prosperity-fund",
            "growth-and-skills-levy",
            "better-care-fund",
            "public-sector-decarbonisation-scheme",
            "nhs-capital");
  }

  @Test
  void anUnknownIndicatorIsRefusedNamingTheEntryAndTheIndicator() {
    String broken = BANK.replace("\"gva-per-hour\"]", "\"gva-per-minute\"]");
    assertThatThrownBy(() -> BankFile.parse("bank-v1.json", broken, LINKS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The question bank bank-v1.json entry 1 (employment-productive-place): indicator"
                + " 'gva-per-minute' is not in the indicator catalogue");
  }

  @Test
  void anUnknownMaturityAreaPolicyPartnerOrThemeIsRefused() {
    assertThatThrownBy(
            () ->
                BankFile.parse(
                    "b.json",
                    BANK.replace("\"working-with-economic-development-bodies\"]", "\"astrology\"]"),
                    LINKS))
        .hasMessageContaining("entry 1 (employment-productive-place): maturity area 'astrology'");
    assertThatThrownBy(
            () ->
                BankFile.parse(
                    "b.json",
                    BANK.replace("\"uk-shared-prosperity-fund\"]", "\"lottery\"]"),
                    LINKS))
        .hasMessageContaining("policy 'lottery' is not in the policies and funding catalogue");
    assertThatThrownBy(
            () -> BankFile.parse("b.json", BANK.replace("\"employer\"]", "\"dragon\"]"), LINKS))
        .hasMessageContaining("partner 'dragon' is not an organisation type code");
    assertThatThrownBy(
            () ->
                BankFile.parse(
                    "b.json",
                    BANK.replaceFirst("\"theme\": \"employment\"", "\"theme\": \"weather\""),
                    LINKS))
        .hasMessageContaining("theme 'weather' is not a theme of the indicator catalogue");
  }

  @Test
  void aThemeWithFewerThanTwoEntriesIsRefused() {
    String fewer =
        BANK.replace("\"theme\": \"communities\"", "\"theme\": \"health\"")
            .replaceFirst("\"theme\": \"health\"", "\"theme\": \"communities\"");
    assertThatThrownBy(() -> BankFile.parse("b.json", fewer, LINKS))
        .hasMessage(
            "The question bank b.json covers theme 'communities' (Safe and connected communities)"
                + " with 1 entry; every theme needs at least 2");
  }

  @Test
  void malformedJsonAMissingFieldAndARepeatedIdAreRefused() {
    assertThatThrownBy(() -> BankFile.parse("b.json", "{\"version\": ", LINKS))
        .hasMessageStartingWith("The question bank b.json is not valid JSON at line 1");
    assertThatThrownBy(
            () ->
                BankFile.parse(
                    "b.json",
                    BANK.replaceFirst("\"transformational\": \"How can we develop", "\"x\": \""),
                    LINKS))
        .hasMessage(
            "The question bank b.json entry 1 (employment-productive-place): transformational is"
                + " missing");
    assertThatThrownBy(
            () ->
                BankFile.parse(
                    "b.json",
                    BANK.replace(
                        "\"id\": \"employment-health-and-work\"",
                        "\"id\": \"employment-productive-place\""),
                    LINKS))
        .hasMessage(
            "The question bank b.json entry 2 (employment-productive-place): the id is used twice");
  }
}
