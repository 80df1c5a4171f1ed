package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

class UnknownPageResolverTest {

  private final BrandingProperties branding = new BrandingProperties("Place Insight", "", "");
  private final UnknownPageResolver resolver = new UnknownPageResolver(branding);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
        "text/html | true",
        "application/json, text/html;q=0.5 | true",
        "*/* | false",
        "text/* | false",
        "application/json | false",
        "application/problem+json | false",
        "text/html;q=0 | false",
        "not a media type;;; | false"
      })
  void showsThePageOnlyToClientsThatNameHtml(String accept, boolean html) {
    assertThat(UnknownPageResolver.namesHtml(accept)).isEqualTo(html);
  }

  @Test
  void answersAMissingResourceWithTheBranded404Page() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/no-such-page");
    request.addHeader("Accept", "text/html");

    ModelAndView view =
        resolver.resolveException(
            request,
            new MockHttpServletResponse(),
            null,
            new NoResourceFoundException(HttpMethod.GET, "/no-such-page", "no-such-page"));

    assertThat(view.getViewName()).isEqualTo("error/404");
    assertThat(view.getStatus().value()).isEqualTo(404);
    assertThat(view.getModel()).containsEntry("branding", branding);
  }

  @Test
  void leavesOtherFailuresAndNonBrowserClientsToTheOtherHandlers() {
    MockHttpServletRequest browser = new MockHttpServletRequest("GET", "/x");
    browser.addHeader("Accept", "text/html");
    MockHttpServletRequest apiClient = new MockHttpServletRequest("GET", "/api/v1/x");
    apiClient.addHeader("Accept", "*/*");
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(resolver.resolveException(browser, response, null, new IllegalStateException()))
        .isNull();
    assertThat(
            resolver.resolveException(
                apiClient,
                response,
                null,
                new NoResourceFoundException(HttpMethod.GET, "/api/v1/x", "api/v1/x")))
        .isNull();
  }
}
