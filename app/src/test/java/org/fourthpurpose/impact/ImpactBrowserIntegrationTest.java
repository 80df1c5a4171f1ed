package org.fourthpurpose.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An ICS analyst measures impact in a real browser: adds a measure, imports its values from a file,
 * reads the chart, the icons and the sentence, rebases the chart with a reason, and prints and
 * issues the impact report; every page passes an axe WCAG 2.2 AA check and nothing is wider than a
 * phone.
 */
@ApplicationTest
class ImpactBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";

  /** North Central London, used by no other test. */
  static final String ICB = "E54000028";

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
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

  @AfterEach
  void cleanUp() {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void anAnalystAddsAMeasureImportsValuesRebasesAndPrintsTheReport() throws Exception {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
    Account analyst =
        accounts.createAccount(
            "analyst." + UUID.randomUUID() + "@example.org", "Sam Analyst", PASSWORD, false);
    accounts.grant(analyst.id(), ICB, WorkspaceRole.EDITOR);
    Page page =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", analyst.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");

    page.navigate(url("/workspaces/" + ICB));
    page.click("#impact-link");
    assertThat(page.locator("h1").textContent()).isEqualTo("Measuring impact");
    assertThat(page.content()).contains("No measures yet");
    HeadlessChromium.assertAccessible(page);

    // A measure with a target and a baseline, its form checked on the server first.
    page.click("#add-measure");
    page.click("#save-measure");
    assertThat(page.locator(".nhsuk-error-summary").textContent())
        .contains("Enter the measure's name")
        .contains("Enter the unit");
    HeadlessChromium.assertAccessible(page);
    page.fill("#name", "Local residents in entry-level posts");
    page.fill("#unit", "%");
    page.check("#improvement");
    page.fill("#target", "53");
    page.fill("#baselineEnd", "2024-12-31");
    page.click("#save-measure");
    assertThat(page.locator("#measure-status").textContent()).contains("Measure added");
    assertThat(page.locator("#measure-reading").textContent()).contains("No values yet");
    HeadlessChromium.assertAccessible(page);

    // A file with a bad row is refused whole, by line and column.
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "period,value\n2024-01,50\n2024-02,fifty\n", StandardCharsets.UTF_8);
    page.setInputFiles("#file", bad);
    page.click("#import-values");
    assertThat(page.locator("#problem-table").textContent())
        .contains("B (value)")
        .contains("'fifty' is not a number");
    assertThat(page.locator("#value-table").count()).isZero();
    HeadlessChromium.assertAccessible(page);

    Path file = dir.resolve("values.csv");
    Files.writeString(file, MeasureApiIntegrationTest.VALUES, StandardCharsets.UTF_8);
    page.setInputFiles("#file", file);
    page.click("#import-values");
    assertThat(page.locator("#measure-status").textContent()).contains("19 values imported");
    assertThat(page.locator("#measure-chart-title").textContent())
        .isEqualTo("Local residents in entry-level posts (%), statistical process control chart");
    assertThat(page.locator("#measure-figure .fp-spc__point--improvement").count()).isEqualTo(7);
    assertThat(page.locator("#measure-figure .fp-spc__point--common").count()).isEqualTo(12);
    assertThat(page.locator("#measure-reading svg[data-variation]").getAttribute("data-variation"))
        .isEqualTo("special_cause_improvement");
    assertThat(page.locator("#measure-reading svg[data-assurance]").getAttribute("data-assurance"))
        .isEqualTo("inconsistent");
    assertThat(page.locator("#measure-reading").textContent())
        .contains("Special cause improvement since January 2025: 7 points above the mean");
    HeadlessChromium.assertAccessible(page);

    // The impact page: the summary table of icons and each chart.
    page.navigate(url("/workspaces/" + ICB + "/impact"));
    assertThat(page.locator("#impact-summary tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("#impact-summary td[data-label=Variation]").textContent())
        .contains("Improvement (high)");
    assertThat(page.locator("#impact-summary td[data-label=Latest]").textContent())
        .isEqualTo("52% (2025-07)");
    HeadlessChromium.assertAccessible(page);
    page.setViewportSize(320, 800);
    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
        .as("nothing wider than a phone")
        .isTrue();
    HeadlessChromium.assertAccessible(page);
    page.setViewportSize(1280, 900);

    // Rebase from January 2025: seven values since are too few for new limits.
    page.click("#impact-summary th a");
    page.fill("#date", "2025-01-01");
    page.click("#save-rebase");
    assertThat(page.locator("#reason-error").textContent()).contains("Say why");
    page.fill("#reason", "New triage service from January");
    page.click("#save-rebase");
    assertThat(page.locator("#rebase-table").textContent())
        .contains("New triage service from January");
    assertThat(page.locator("#measure-reading").textContent())
        .contains("Rebased in January 2025: only 7 values since");
    assertThat(page.locator("#measure-figure .fp-spc__break").count()).isEqualTo(1);
    HeadlessChromium.assertAccessible(page);

    // The report: summary, a chart per measure, issued, then compared with what was issued.
    page.navigate(url("/workspaces/" + ICB + "/impact"));
    page.click("#report-link");
    assertThat(page.locator("h1").textContent())
        .isEqualTo("Measuring impact: North Central London");
    assertThat(page.locator("#report-summary tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("#changes + p").textContent()).contains("This is the first report");
    HeadlessChromium.assertAccessible(page);
    page.click("#issue-report");
    assertThat(page.content()).contains("Compared with the report issued on");
    assertThat(page.locator("#changes + p").textContent()).contains("Nothing has changed");
    APIResponse pdf = page.request().get(url("/workspaces/" + ICB + "/impact/report.pdf"));
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
  }
}
