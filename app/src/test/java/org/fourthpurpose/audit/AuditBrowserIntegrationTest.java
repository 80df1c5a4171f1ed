package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit pages in a real browser: reached from the workspace and the account page, within the
 * page's width on a desktop screen (wide rows scroll inside the table's container), filtered, the
 * chain checked, and every page passing an axe WCAG 2.2 AA check.
 */
@ApplicationTest
class AuditBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";
  static final String WORKSPACE = "E54000008";

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;

  @BeforeAll
  static void launch() {
    chromium = HeadlessChromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private Page signedIn(Account account) {
    Page page =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", account.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");
    return page;
  }

  private static void assertAccessibleAndWithinThePage(Page page) {
    org.fourthpurpose.HeadlessChromium.assertAccessible(page);
    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
        .as("the page does not scroll sideways")
        .isTrue();
  }

  @Test
  void anIcsAdministratorFollowsTheLinkFromTheWorkspaceAndFiltersTheLog() {
    Account icsAdmin =
        accounts.createAccount(
            "ics." + System.nanoTime() + "@example.org", "Ifan Admin", PASSWORD, false);
    accounts.grant(icsAdmin.id(), WORKSPACE, WorkspaceRole.ICS_ADMIN);
    Account viewer =
        accounts.createAccount(
            "viewer." + UUID.randomUUID() + "@example.org", "Vera Viewer", PASSWORD, false);
    accounts.grant(viewer.id(), WORKSPACE, WorkspaceRole.VIEWER);

    Page page = signedIn(icsAdmin);
    page.navigate(url("/workspaces/" + WORKSPACE));
    page.click("#audit-log-link");
    assertThat(page.locator("h1").textContent()).isEqualTo("Audit log");
    assertThat(page.locator("#audit-table").textContent()).contains(viewer.email());
    assertAccessibleAndWithinThePage(page);

    page.fill("#action", "role.granted");
    page.click("button:has-text('Show')");
    assertThat(page.url()).contains("action=role.granted");
    List<String> actions = page.locator("#audit-table tbody code").allTextContents();
    assertThat(actions).isNotEmpty().allMatch("role.granted"::equals);
    assertThat(page.locator("#download-csv").getAttribute("href"))
        .isEqualTo("/workspaces/" + WORKSPACE + "/audit.csv?action=role.granted");

    page.fill("#from", "2020-02-01");
    page.fill("#to", "2020-01-01");
    page.click("button:has-text('Show')");
    assertThat(page.locator(".nhsuk-error-summary").textContent())
        .contains("The last day must be on or after the first day");
    assertAccessibleAndWithinThePage(page);
  }

  @Test
  void aPlatformAdministratorChecksTheChainFromTheAuditPage() {
    Account admin =
        accounts.createAccount(
            "platform." + System.nanoTime() + "@example.org", "Pat Platform", PASSWORD, true);

    Page page = signedIn(admin);
    page.navigate(url("/account"));
    page.click("#audit-log-link");
    assertThat(page.locator("#audit-table").textContent())
        .contains("sign-in.succeeded")
        .contains(admin.email());
    assertAccessibleAndWithinThePage(page);

    page.click("#check-chain");
    assertThat(page.locator("#verification h2").textContent()).isEqualTo("The chain is intact");
    assertThat(page.locator("#verification").textContent())
        .containsPattern("The audit log is intact: \\d+ entries checked");
    assertAccessibleAndWithinThePage(page);
  }
}
