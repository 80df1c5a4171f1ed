package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageShellBodyTest {

  private static final String HEADER =
      "<!DOCTYPE html>\n<html><head>\n<title>QYG &amp; profile</title>\n</head><body><header>"
          + "<form action=\"/sign-out\" method=\"post\"><input type=\"hidden\" name=\"_csrf\""
          + " value=\"abc\"/></form></header>\n<div><main class=\"nhsuk-main-wrapper\""
          + " id=\"maincontent\" role=\"main\">";
  private static final String FOOTER = "</main></div><footer>x</footer></body></html>";

  private static byte[] page(String main) {
    return (HEADER + main + FOOTER).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cutsTheTitleAndTheMainContentOutOfALaidOutPage() {
    PageShell.Body body = PageShell.Body.of(page("\n  <h1>Profile – £</h1>\n")).orElseThrow();
    assertThat(body.title()).isEqualTo("QYG &amp; profile");
    assertThat(body.mainText()).isEqualTo("\n  <h1>Profile – £</h1>\n");
  }

  @Test
  void keepsNoBodyHoldingAFormWithACsrfToken() {
    assertThat(
            PageShell.Body.of(
                page(
                    "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"t\"/>"
                        + "</form>")))
        .isEmpty();
  }

  @Test
  void keepsNoBodyOfAPageOutsideTheLayout() {
    assertThat(PageShell.Body.of("<html><body>{}</body></html>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }
}
