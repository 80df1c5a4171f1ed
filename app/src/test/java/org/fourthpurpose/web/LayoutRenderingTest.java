package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fourthpurpose.web.TemplateRendering.between;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class LayoutRenderingTest {

  private final TemplateRendering rendering = new TemplateRendering();

  private String renderPage(BrandingProperties branding, Authentication user) {
    return rendering.render(
        "test/layout-page",
        Map.of("branding", branding, "heading", "Integrated care systems in England"),
        user);
  }

  private String renderPage() {
    return renderPage(BrandingProperties.defaults(), null);
  }

  @Test
  void rendersThePagesOwnTitleAsItIs() {
    assertThat(renderPage())
        .contains("<title>Integrated care systems – Fourth Purpose</title>")
        .containsOnlyOnce("<title>");
  }

  @Test
  void isAnEnglishDocumentWithAViewportAndTheAppsOwnStylesheet() {
    String html = renderPage();

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en-GB\">")
        .contains(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1,"
                + " viewport-fit=cover\">")
        .contains("<link rel=\"stylesheet\" href=\"/assets/css/fourthpurpose.min.css\">")
        .doesNotContain("xmlns:th", "xmlns:sec", "xmlns:fp", "th:", "sec:", "fp:content");
  }

  @Test
  void startsTheBodyWithASkipLinkToTheMainContent() {
    String html = renderPage();

    assertThat(html)
        .contains(
            "<a class=\"nhsuk-skip-link\" data-module=\"nhsuk-skip-link\""
                + " href=\"#maincontent\">Skip to main content</a>");
    assertThat(html.indexOf("nhsuk-skip-link")).isLessThan(html.indexOf("<header"));
  }

  @Test
  void putsThePagesContentInsideOneMainElementThatTheSkipLinkTargets() {
    String html = renderPage();

    assertThat(html)
        .containsOnlyOnce("<main")
        .contains(
            "<div class=\"nhsuk-width-container\">\n"
                + "    <main class=\"nhsuk-main-wrapper\" id=\"maincontent\" role=\"main\">")
        .contains("<h1>Integrated care systems in England</h1>")
        .doesNotContain("page-own-class", "The page's content goes here.");
    assertThat(between(html, "<main", "</main>"))
        .contains("<h1>Integrated care systems in England</h1>");
  }

  @Test
  void namesTheServiceFourthPurposeByDefaultAndLinksItToTheHomePage() {
    assertThat(header(renderPage()))
        .contains("<a class=\"nhsuk-header__service-name\" href=\"/\">Fourth Purpose</a>");
  }

  @Test
  void showsNoNhsLogoByDefault() {
    String header = header(renderPage());

    assertThat(header)
        .doesNotContain(
            "nhsuk-header__logo", "nhsuk-header__service-logo", "<svg class=\"nhsuk-header__logo")
        .doesNotContain("<img", "aria-label=\"NHS")
        // The NHS logo's path starts like this in nhsuk-frontend's header template.
        .doesNotContain("M200 0v80H0V0h200Z");
  }

  @Test
  void showsTheConfiguredLogoWithTheOrganisationNameAsItsAlternativeText() {
    BrandingProperties branding =
        new BrandingProperties(
            "Population health", "NHS Example Integrated Care Board", "/branding/logo.png");

    String header = header(renderPage(branding, null));

    assertThat(header)
        .contains(
            "<a class=\"nhsuk-header__service-logo\" href=\"/\""
                + " aria-label=\"NHS Example Integrated Care Board Population health homepage\">")
        .contains(
            "<img class=\"nhsuk-header__organisation-logo\" src=\"/branding/logo.png\""
                + " width=\"280\" alt=\"NHS Example Integrated Care Board\">")
        .contains("<span class=\"nhsuk-header__service-name\">Population health</span>")
        .containsOnlyOnce("Population health</");
  }

  @Test
  void linksToHomeEnglandIndicatorsMaturityAndAboutTheDataInTheHeaderNavigation() {
    assertThat(
            navigationLinks(
                between(renderPage(), "<nav class=\"nhsuk-header__navigation\"", "</nav>")))
        .containsExactly(
            "/ Home",
            "/england England",
            "/indicators Indicators",
            "/maturity/framework Maturity",
            "/about/data About the data");
  }

  @Test
  void offersAnonymousVisitorsASignInLink() {
    String account = between(renderPage(), "<nav class=\"nhsuk-header__account\"", "</nav>");

    assertThat(account)
        .contains("<a class=\"nhsuk-header__account-link\" href=\"/sign-in\">Sign in</a>")
        .doesNotContain("Sign out", "<form");
  }

  @Test
  void showsSignedInUsersTheirNameAndASignOutButtonThatPostsWithTheCsrfToken() {
    Authentication jane =
        UsernamePasswordAuthenticationToken.authenticated(
            "jane.doe@example.org", null, AuthorityUtils.createAuthorityList("ROLE_USER"));

    String account =
        between(
            renderPage(BrandingProperties.defaults(), jane),
            "<nav class=\"nhsuk-header__account\"",
            "</nav>");

    assertThat(account)
        .contains("<span>jane.doe@example.org</span>")
        .contains(
            "<form class=\"nhsuk-header__account-form\" action=\"/sign-out\" method=\"post\""
                + " novalidate>")
        .contains(
            "<input type=\"hidden\" name=\"_csrf\" value=\"" + TemplateRendering.CSRF_TOKEN + "\"")
        .contains("<button class=\"nhsuk-header__account-button\">Sign out</button>")
        .doesNotContain("Sign in", "/sign-in");
  }

  @Test
  void endsWithAFooterThatSaysThisIsNotAnOfficialNhsService() {
    String footer = between(renderPage(), "<footer", "</footer>");

    assertThat(footer)
        .contains("class=\"nhsuk-footer\" role=\"contentinfo\"")
        .contains("It is not an official NHS service.")
        .contains(
            "<a class=\"nhsuk-footer__list-item-link\" href=\"/about/data\">About the data</a>")
        .contains(
            "<a class=\"nhsuk-footer__list-item-link\""
                + " href=\"https://github.com/fourth-purpose/fourth-purpose\">Source code on"
                + " GitHub</a>")
        .doesNotContain("© NHS England");
  }

  @Test
  void initialisesNhsUkFrontendAsAModuleAfterTheFooter() {
    String html = renderPage();

    // No inline scripts: the Content Security Policy allows scripts from the app's own files only.
    assertThat(html)
        .contains("<script src=\"/assets/js/fp-enabled.js\"></script>")
        .contains("<script type=\"module\" src=\"/assets/js/fp-init.js\"></script>")
        .doesNotContain("initAll()");
    assertThat(html.indexOf("fp-init.js")).isGreaterThan(html.indexOf("</footer>"));
  }

  @Test
  void refersOnlyToAssetsTheAppServes() {
    Matcher assets = Pattern.compile("/assets/[A-Za-z0-9._/-]+").matcher(renderPage());
    List<String> paths = assets.results().map(m -> m.group()).distinct().toList();

    assertThat(paths)
        .contains(
            "/assets/css/fourthpurpose.min.css",
            "/assets/js/fp-init.js",
            "/assets/images/favicon.svg");
    assertThat(paths)
        .allSatisfy(
            path ->
                assertThat(getClass().getResource("/static" + path))
                    .as("classpath:/static%s", path)
                    .isNotNull());
  }

  private static String header(String html) {
    return between(html, "<header", "</header>");
  }

  /** "href text" for each link, in order. */
  private static List<String> navigationLinks(String html) {
    return Pattern.compile(
            "<a class=\"nhsuk-header__navigation-link\" href=\"([^\"]*)\">([^<]*)</a>")
        .matcher(html)
        .results()
        .map(m -> m.group(1) + " " + m.group(2))
        .toList();
  }
}
