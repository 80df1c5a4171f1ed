package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fourthpurpose.HeadlessChromium.assertAccessible;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.LocalAuthorizationServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person signs in with their organisation's account in a real browser: the application's button,
 * the local OpenID Connect provider's own sign-in form, and back signed in to their account, whose
 * page shows the linked identity; every page of ours on the way passes an axe WCAG 2.2 AA check.
 */
@ApplicationTest
class OidcSignInBrowserIntegrationTest {

  static final String PASSWORD = "provider password 1";

  static HeadlessChromium chromium;

  @LocalServerPort int port;
  @Autowired AccountService accounts;

  @BeforeAll
  static void launch() {
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Clicks the provider's button on our sign-in page and signs in on the provider's form. */
  void signInAtProvider(Page page, String username) {
    page.navigate(url("/sign-in"));
    page.click("#sign-in-oidc");
    page.waitForURL(LocalAuthorizationServer.issuer() + "/login");
    page.fill("#username", username);
    page.fill("#password", PASSWORD);
    page.click("button[type=submit]");
  }

  @Test
  void aPersonSignsInWithTheirOrganisationsAccountAndSeesItLinkedOnTheirAccountPage() {
    String email = "browser.oidc." + UUID.randomUUID() + "@example.nhs.uk";
    accounts.createAccount(email, "Bea Browser", "local password 42", false);
    String username = LocalAuthorizationServer.newUsername("bea");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);
    Page page = chromium.browser().newContext().newPage();

    page.navigate(url("/sign-in"));
    assertThat(page.locator("#sign-in-oidc").textContent())
        .isEqualTo("Sign in with " + LocalAuthorizationServer.NAME);
    assertAccessible(page);
    signInAtProvider(page, username);

    page.waitForURL(url("/account"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Your account");
    assertThat(page.locator(".nhsuk-header__account").textContent()).contains(email);
    assertThat(page.locator(".fp-linked-identity").textContent())
        .containsPattern(
            Pattern.compile(
                "With\\s+" + LocalAuthorizationServer.NAME + "\\s+as\\s+" + Pattern.quote(email)));
    assertAccessible(page);

    // Signed out, and back in with one click: the provider remembers the person.
    page.click(".nhsuk-header__account-button");
    page.navigate(url("/sign-in"));
    page.click("#sign-in-oidc");
    page.waitForURL(url("/account"));
    assertThat(page.locator(".nhsuk-header__account").textContent()).contains(email);
  }

  @Test
  void aPersonWithoutAnAccountIsToldWhyOnAnAccessibleSignInPage() {
    String email = "browser.stranger." + UUID.randomUUID() + "@example.nhs.uk";
    String username = LocalAuthorizationServer.newUsername("sam");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);
    Page page = chromium.browser().newContext().newPage();

    signInAtProvider(page, username);

    page.waitForURL(url("/sign-in?problem"));
    assertThat(page.locator("#sign-in-problem").textContent())
        .isEqualTo(
            "No account here uses the email address "
                + email
                + ". Ask your ICS administrator for an invitation.");
    assertThat(page.locator(".nhsuk-header__account").textContent()).contains("Sign in");
    assertAccessible(page);
  }
}
