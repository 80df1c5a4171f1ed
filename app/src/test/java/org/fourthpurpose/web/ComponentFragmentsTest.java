package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentFragmentsTest {

  /** What a form's validation gives the error summary: the input's id and the message. */
  record FieldError(String field, String message) {}

  private final TemplateRendering rendering = new TemplateRendering();

  private String render(List<FieldError> errors, String backText, String warningHeading) {
    Map<String, Object> model = new HashMap<>();
    model.put("errors", errors);
    model.put("backText", backText);
    model.put("warningHeading", warningHeading);
    return rendering.render("test/components-page", model);
  }

  private String render(List<FieldError> errors) {
    return render(errors, "Back to England", "Provisional data");
  }

  @Test
  void errorSummaryLinksEachErrorToItsField() {
    String html =
        render(
            List.of(
                new FieldError("icb-code", "Enter the ICB code"),
                new FieldError("file", "The selected file must be a CSV")));

    assertThat(html)
        .contains("<div class=\"nhsuk-error-summary\" data-module=\"nhsuk-error-summary\">")
        .contains("<div role=\"alert\">")
        .contains("<h2 class=\"nhsuk-error-summary__heading\">There is a problem</h2>")
        .contains("<a href=\"#icb-code\">Enter the ICB code</a>")
        .contains("<a href=\"#file\">The selected file must be a CSV</a>");
    assertThat(html.indexOf("#icb-code")).isLessThan(html.indexOf("#file"));
  }

  @Test
  void errorSummaryShowsAnErrorWithoutAFieldAsTextNotALink() {
    String html = render(List.of(new FieldError("", "The file has no rows")));

    assertThat(html).contains("The file has no rows").doesNotContain("href=\"#\"");
  }

  @Test
  void errorSummaryRendersNothingWithoutErrors() {
    assertThat(render(List.of())).doesNotContain("nhsuk-error-summary", "There is a problem");
    assertThat(render(null)).doesNotContain("nhsuk-error-summary");
  }

  @Test
  void backLinkUsesTheGivenAddressAndText() {
    assertThat(render(List.of()))
        .contains("<a class=\"nhsuk-back-link\" href=\"/england\">Back to England</a>");
  }

  @Test
  void backLinkSaysBackWhenGivenNoText() {
    assertThat(render(List.of(), "", "Provisional data"))
        .contains("<a class=\"nhsuk-back-link\" href=\"/england\">Back</a>");
  }

  @Test
  void insetTextTellsScreenReaderUsersItIsInformation() {
    assertThat(render(List.of()))
        .contains(
            "<div class=\"nhsuk-inset-text\">\n"
                + "  <span class=\"nhsuk-u-visually-hidden\">Information: </span>\n"
                + "  <p>Figures are for 2024 to 2025.</p>\n"
                + "</div>");
  }

  @Test
  void warningCalloutIsAWarningCardWhoseHeadingScreenReadersHearAsImportant() {
    assertThat(render(List.of()))
        .contains("<div class=\"nhsuk-card nhsuk-card--warning\">")
        .contains(
            "<h3 class=\"nhsuk-card__heading\">\n"
                + "      <span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important:"
                + " </span>Provisional data</span>\n"
                + "    </h3>")
        .contains("<p class=\"nhsuk-card__description\">These figures may change.</p>");
  }

  @Test
  void warningCalloutDoesNotRepeatImportantWhenTheHeadingSaysIt() {
    assertThat(render(List.of(), "Back", "Important: provisional data"))
        .contains("<span role=\"text\">Important: provisional data</span>")
        .doesNotContain("Important: </span>");
  }
}
