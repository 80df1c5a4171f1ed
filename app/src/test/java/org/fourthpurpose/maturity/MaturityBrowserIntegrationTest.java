package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fourthpurpose.HeadlessChromium.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A new ICS administrator runs a whole round in a real browser: opens it, invites two assessors
 * (one with an account, one by personal link) who rate every area, moderates, agrees a level, adds
 * a milestone and prints the board report; every page passes an axe WCAG 2.2 AA check.
 */
@org.fourthpurpose.ApplicationTest
class MaturityBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";

  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired FrameworkCatalogue catalogue;
  @Autowired Geography geography;

  static org.fourthpurpose.HeadlessChromium chromium;

  @BeforeAll
  static void launch() {
    chromium = org.fourthpurpose.HeadlessChromium.launch();
    browser = chromium.browser();
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

  Page signedIn(Account account) {
    BrowserContext context = browser.newContext();
    Page page = context.newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", account.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");
    return page;
  }

  void rateEveryArea(Page page, String level, String fulfilment) {
    for (FocusArea area : catalogue.current().areas().toList()) {
      page.click("label[for='level-" + area.id() + "-" + level + "']");
      page.click(
          "label[for='fulfilment-"
              + area.id()
              + (fulfilment.equals("partly") ? "" : "-" + fulfilment)
              + "']");
      page.click("label[for='confidence-" + area.id() + "-medium']");
      page.fill("#evidence-" + area.id(), "Evidence for " + area.title());
    }
  }

  @Test
  void aNewAdministratorRunsAWholeRoundFromOpeningToThePrintedReport() {
    String icb = geography.icbs().get(12).code();
    String email = "new.admin." + System.nanoTime() + "@example.org";
    Account admin = accounts.createAccount(email, "Nia Admin", PASSWORD, false);
    accounts.grant(admin.id(), icb, WorkspaceRole.ICS_ADMIN);
    Account alice =
        accounts.createAccount(
            "alice." + System.nanoTime() + "@example.org", "Alice Assessor", PASSWORD, false);

    // Open the round.
    Page adminPage = signedIn(admin);
    adminPage.navigate(url("/workspaces/" + icb + "/maturity"));
    assertAccessible(adminPage);
    String roundName = "Browser " + System.nanoTime() % 100000;
    adminPage.fill("#name", roundName);
    adminPage.click("button:has-text('Open round')");
    assertThat(adminPage.locator("h1").textContent()).isEqualTo("Round " + roundName);
    assertAccessible(adminPage);
    String roundUrl = adminPage.url();

    // Invite one assessor with an account and one by personal link.
    adminPage.fill("#name", "Alice Assessor");
    adminPage.fill("#organisation", "City Council");
    adminPage.fill("#email", alice.email());
    adminPage.click("button:has-text('Invite assessor')");
    adminPage.fill("#name", "Pat Partner");
    adminPage.fill("#organisation", "VCSE Alliance");
    adminPage.click("button:has-text('Invite assessor')");
    String link = adminPage.locator("code.fp-link").textContent().trim();
    assertThat(link).contains("/assess/");
    assertAccessible(adminPage);

    // Pat rates through the link, without an account.
    Page patPage = browser.newContext().newPage();
    patPage.navigate(link);
    assertAccessible(patPage);
    rateEveryArea(patPage, "established", "partly");
    patPage.click("button:has-text('Save and submit')");
    assertThat(patPage.locator("[role=status]").textContent()).contains("submitted");

    // Alice rates after signing in; a draft first, then submission.
    Page alicePage = signedIn(alice);
    alicePage.navigate(roundUrl + "/my-ratings");
    rateEveryArea(alicePage, "emerging", "fully");
    alicePage.click("button:has-text('Save draft')");
    assertThat(alicePage.locator("[role=status]").textContent()).contains("draft");
    alicePage.click("label[for='level-acting-as-an-anchor-expanding']");
    alicePage.click("button:has-text('Save and submit')");
    assertThat(alicePage.locator("[role=status]").textContent()).contains("submitted");

    // Moderate and agree a level.
    adminPage.navigate(roundUrl + "/moderation");
    assertAccessible(adminPage);
    assertThat(adminPage.locator("#area-acting-as-an-anchor").textContent())
        .contains("Assessors disagree");
    adminPage.click("#area-acting-as-an-anchor a");
    assertAccessible(adminPage);
    assertThat(adminPage.textContent("main"))
        .contains("Pat Partner")
        .contains("Evidence for Acting as an anchor");
    adminPage.click("label[for='agree-acting-as-an-anchor-established']");
    adminPage.click("label[for='agree-fulfilment-acting-as-an-anchor-partly']");
    adminPage.fill(
        "#rationale-acting-as-an-anchor", "Procurement policy agreed; spend not yet tracked");
    adminPage.click("button:has-text('Save agreed level')");
    assertThat(adminPage.textContent("main"))
        .contains("Procurement policy agreed; spend not yet tracked");

    // Plan a milestone towards the next level.
    adminPage.navigate(roundUrl + "/milestones");
    adminPage.selectOption("#areaId", "acting-as-an-anchor");
    adminPage.fill("#action", "Track local spend across ICP partners");
    adminPage.fill("#owner", "ICB finance director");
    adminPage.fill("#partners", "City Council, VCSE Alliance");
    adminPage.fill("#dueDate", "2027-03-31");
    adminPage.click("button:has-text('Add milestone')");
    assertThat(adminPage.locator("table").textContent())
        .contains("Track local spend across ICP partners");
    assertAccessible(adminPage);

    // Print the board report.
    adminPage.navigate(roundUrl + "/report");
    assertAccessible(adminPage);
    assertThat(adminPage.textContent("main")).contains("Agreed level: Established (Partly met)");
    byte[] printed = adminPage.pdf();
    assertThat(new String(printed, 0, 5)).isEqualTo("%PDF-");

    // The public framework and benchmark pages are accessible too.
    List<String> publicPages =
        new ArrayList<>(List.of("/maturity/framework", "/maturity/benchmark"));
    for (String path : publicPages) {
      patPage.navigate(url(path));
      assertAccessible(patPage);
    }
    adminPage.navigate(url("/workspaces/" + icb + "/maturity/progress"));
    assertAccessible(adminPage);
  }
}
