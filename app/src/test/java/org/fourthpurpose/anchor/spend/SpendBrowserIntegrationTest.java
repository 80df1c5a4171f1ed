package org.fourthpurpose.anchor.spend;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.OrganisationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst uploads a spend file in a real browser, without JavaScript doing anything the server
 * does not: the error summary links to each field at fault, a file with a bad row lists it, a good
 * file shows its figures, chart and unplaced lines, and publishing puts the totals on the public
 * page; every page passes an axe WCAG 2.2 AA check.
 */
@ApplicationTest
class SpendBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";
  static final String ICB = SpendAnalysisIntegrationTest.ICB;

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired AnchorRegister register;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

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

  @BeforeEach
  void startWithNoAnalyses() {
    jdbc.update("delete from anchor_spend_analysis where icb_code = ?", ICB);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void anAnalystCorrectsTheFormUploadsAFileReadsTheFiguresAndPublishesTheTotals() throws Exception {
    Account editor =
        accounts.createAccount(
            "editor." + UUID.randomUUID() + "@example.org", "Eda Editor", PASSWORD, false);
    accounts.grant(editor.id(), ICB, WorkspaceRole.EDITOR);
    long organisation =
        register.organisations(ICB).stream()
            .filter(o -> o.type() == OrganisationType.ICB)
            .findFirst()
            .orElseThrow()
            .id();
    Page page =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", editor.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");

    page.navigate(url("/workspaces/" + ICB + "/anchors/spend"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Local spend");
    HeadlessChromium.assertAccessible(page);

    page.click("button:has-text('Analyse the file')");
    assertThat(page.title()).startsWith("Error: ");
    assertThat(page.locator(".nhsuk-error-summary").textContent())
        .contains("Select the organisation whose spend this is")
        .contains("Enter the year the spend is for")
        .contains("Select a CSV file or Excel workbook of supplier spend");
    HeadlessChromium.assertAccessible(page);
    page.click(".nhsuk-error-summary a:has-text('Enter the year')");
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("year");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "supplier,amount,lsoa_code\nA,ten,E01008882\n", StandardCharsets.UTF_8);
    page.selectOption("#organisation", Long.toString(organisation));
    page.fill("#year", "2024");
    page.setInputFiles("#file", bad);
    page.click("button:has-text('Analyse the file')");
    assertThat(page.locator("#problem-table").textContent())
        .contains("ten is not an amount in pounds");
    HeadlessChromium.assertAccessible(page);

    Path good = dir.resolve("spend.csv");
    Files.writeString(good, SpendAnalysisIntegrationTest.FILE, StandardCharsets.UTF_8);
    page.selectOption("#organisation", Long.toString(organisation));
    page.fill("#year", "2024");
    page.setInputFiles("#file", good);
    page.click("button:has-text('Analyse the file')");
    assertThat(page.locator("#summary").textContent())
        .contains("£2,345.25")
        .contains("£1,750.75 (74.7% of all spend)");
    assertThat(page.locator("#places-table").textContent()).contains("Birmingham (E08000025)");
    assertThat(page.locator("#unplaced-table").textContent()).contains("Welsh Widgets");
    assertThat(page.locator("figure svg title").first().textContent()).contains("by place");
    HeadlessChromium.assertAccessible(page);

    page.click("button:has-text('Publish the totals')");
    page.navigate(url("/ics/" + ICB + "/anchors/spend"));
    assertThat(page.locator("main").textContent())
        .contains("£1,750.75 (74.7%)")
        .doesNotContain("Brum Builders");
    HeadlessChromium.assertAccessible(page);
  }
}
