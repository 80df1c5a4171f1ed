package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorPagesRenderingTest {

  private final TemplateRendering rendering = new TemplateRendering();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "error/404 | Page not found | If you typed the web address, check it is correct.",
        "error/403 | You cannot see this page | ask an administrator",
        "error/500 | Sorry, there is a problem with the service | Try again later."
      })
  void rendersInTheLayoutWithTheBrandedServiceNameInTheTitle(
      String template, String heading, String advice) {
    BrandingProperties branding = new BrandingProperties("Population health", "", "");

    String html =
        rendering.render(template, Map.of("branding", branding, "status", 500, "path", "/x"));

    assertThat(html)
        .contains("<title>" + heading + " – Population health</title>")
        .contains("<h1>" + heading + "</h1>")
        .contains(advice)
        .contains("href=\"#maincontent\">Skip to main content</a>")
        .contains("<main class=\"nhsuk-main-wrapper\" id=\"maincontent\" role=\"main\">")
        .contains("It is not an official NHS service.")
        .containsOnlyOnce("<main");
  }

  @ParameterizedTest
  @CsvSource({"error/404", "error/403", "error/500"})
  void stillRendersWhenTheBrandingIsMissingFromTheModel(String template) {
    assertThat(rendering.render(template, Map.of()))
        .contains("– Fourth Purpose</title>")
        .contains("<a class=\"nhsuk-header__service-name\" href=\"/\">Fourth Purpose</a>");
  }
}
