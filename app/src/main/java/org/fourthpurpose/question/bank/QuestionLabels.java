package org.fourthpurpose.question.bank;

import java.util.List;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.maturity.FocusArea;
import org.fourthpurpose.maturity.FrameworkCatalogue;
import org.fourthpurpose.question.Policy;
import org.fourthpurpose.question.PolicyCatalogue;
import org.springframework.stereotype.Component;

/**
 * The names pages show for the codes a question links to: themes, indicators, maturity areas,
 * partner sectors and policies; the code itself when a name cannot be found.
 */
@Component
public class QuestionLabels {

  /** A code with its name, and whether it is known. */
  public record Label(String code, String name, boolean known) {}

  private final ShippedQuestionBank bank;
  private final IndicatorCatalogue indicators;
  private final FrameworkCatalogue framework;
  private final PolicyCatalogue policies;

  QuestionLabels(
      ShippedQuestionBank bank,
      IndicatorCatalogue indicators,
      FrameworkCatalogue framework,
      PolicyCatalogue policies) {
    this.bank = bank;
    this.indicators = indicators;
    this.framework = framework;
    this.policies = policies;
  }

  public String theme(String code) {
    return bank.themes().getOrDefault(code, code);
  }

  public List<Label> indicators(List<String> ids) {
    return ids.stream()
        .map(
            id ->
                indicators
                    .indicator(id)
                    .map(Indicator::title)
                    .map(t -> new Label(id, t, true))
                    .orElse(new Label(id, id, false)))
        .toList();
  }

  public List<Label> areas(List<String> ids) {
    return ids.stream()
        .map(
            id ->
                framework
                    .current()
                    .area(id)
                    .map(FocusArea::title)
                    .map(t -> new Label(id, t, true))
                    .orElse(new Label(id, id, false)))
        .toList();
  }

  public List<Label> partners(List<String> codes) {
    return codes.stream()
        .map(
            c ->
                OrganisationType.find(c)
                    .map(t -> new Label(c, t.label(), true))
                    .orElse(new Label(c, c, false)))
        .toList();
  }

  public List<Label> policies(List<String> ids) {
    return ids.stream()
        .map(
            id ->
                policies
                    .find(id)
                    .map(Policy::name)
                    .map(n -> new Label(id, n, true))
                    .orElse(new Label(id, id, false)))
        .toList();
  }
}
