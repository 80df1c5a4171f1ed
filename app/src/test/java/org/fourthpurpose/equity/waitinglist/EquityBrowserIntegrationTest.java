package org.fourthpurpose.equity.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.analytics.NeighbourhoodLookups;
import org.fourthpurpose.analytics.SyntheticWaitingList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst in South Yorkshire uploads a synthetic extract whose columns are named differently,
 * maps them, follows the analysis while it runs, reads the results by another breakdown, publishes
 * them, and a member of the public opens the system's equity page and filters it; every page passes
 * an axe WCAG 2.2 AA check.
 */
@ApplicationTest
class EquityBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";
  static final String ICB = "E54000061";

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

  @BeforeEach
  void startWithNoAnalyses() {
    jdbc.update("delete from equity_analysis where icb_code = ?", ICB);
    jdbc.update("delete from equity_column_mapping where icb_code = ?", ICB);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void anAnalystMapsColumnsFollowsTheAnalysisReadsAndPublishesItAndThePublicReadsIt()
      throws Exception {
    Path generated = dir.resolve("generated.csv");
    SyntheticWaitingList.write(
        NeighbourhoodLookups.fromShippedFiles(Path.of("src/main/resources/reference")),
        ICB,
        3000,
        42,
        LocalDate.of(2025, 3, 31),
        generated);
    List<String> lines = Files.readAllLines(generated, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("pathway_id,lsoa_code,");
    lines.set(
        0,
        lines
            .get(0)
            .replace("pathway_id", "PathwayRef")
            .replace("lsoa_code", "LSOA21CD")
            .replace("treatment_function", "TFC"));
    Path extract = dir.resolve("south-yorkshire-synthetic.csv");
    Files.write(extract, lines, StandardCharsets.UTF_8);

    Account editor =
        accounts.createAccount(
            "editor." + UUID.randomUUID() + "@example.org", "Eda Editor", PASSWORD, false);
    accounts.grant(editor.id(), ICB, WorkspaceRole.EDITOR);
    Page page =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", editor.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");

    page.navigate(url("/workspaces/" + ICB + "/equity"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Waiting-list equity");
    HeadlessChromium.assertAccessible(page);

    page.click("button:has-text('Upload and analyse')");
    assertThat(page.title()).startsWith("Error: ");
    assertThat(page.locator(".nhsuk-error-summary").textContent())
        .contains("Enter the census date of the extract")
        .contains("Select a CSV, Parquet or Excel file");
    HeadlessChromium.assertAccessible(page);

    page.fill("#censusDate", "2025-03-31");
    page.setInputFiles("#file", extract);
    page.click("button:has-text('Upload and analyse')");
    assertThat(page.locator("h1").textContent()).isEqualTo("Match the columns");
    assertThat(page.inputValue("#column-age")).isEqualTo("age");
    assertThat(page.inputValue("#column-pathway_id")).isEmpty();
    HeadlessChromium.assertAccessible(page);

    // Submitting with a column left unmatched names it.
    page.click("button:has-text('Analyse with these columns')");
    assertThat(page.locator(".nhsuk-error-summary").textContent())
        .contains("pathway identifier")
        .contains("neighbourhood (lsoa) code");
    page.selectOption("#column-pathway_id", "PathwayRef");
    page.selectOption("#column-lsoa_code", "LSOA21CD");
    page.selectOption("#column-treatment_function", "TFC");
    page.click("button:has-text('Analyse with these columns')");

    // The analysis page says where the analysis is, and shows the results once it is done.
    assertThat(page.locator("h1").textContent()).isEqualTo("Waiting-list equity at 31 March 2025");
    page.waitForSelector("#findings", new Page.WaitForSelectorOptions().setTimeout(120_000));
    assertThat(page.locator("#finding-list li").count()).isPositive();
    assertThat(page.locator("main").textContent())
        .contains("Synthetic data")
        .contains("The uploaded file was deleted");
    assertThat(page.locator("#group-table").textContent()).contains("1 (most deprived)");
    assertThat(page.locator("#gradient-title").textContent()).contains("deprivation decile");
    assertThat(page.locator("#ethnicity-by-ics-fifth-table").count()).isEqualTo(1);
    HeadlessChromium.assertAccessible(page);

    page.selectOption("#breakdown", "ethnicity");
    page.click("#breakdown-form button");
    assertThat(page.locator("#table-heading").textContent()).isEqualTo("By ethnic group");
    assertThat(page.locator("#group-table").textContent()).contains("White").contains("Asian");

    page.click("button:has-text('Publish the tables')");
    assertThat(page.locator("main").textContent()).contains("Published:");

    Page visitor =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 800)).newPage();
    visitor.navigate(url("/ics/" + ICB + "/equity"));
    assertThat(visitor.locator("h1").textContent())
        .isEqualTo("Who waits longest for planned hospital care");
    assertThat(visitor.locator("main").textContent())
        .contains("Synthetic data")
        .contains("How the data is protected")
        .doesNotContain("SYNTHETIC-");
    HeadlessChromium.assertAccessible(visitor);
    visitor.selectOption("#breakdown", "learning-disability");
    visitor.click("#breakdown-form button");
    assertThat(visitor.url()).contains("breakdown=learning-disability");
    assertThat(visitor.locator("#table-heading").textContent()).isEqualTo("By learning disability");
    // No table is wider than a phone's screen.
    Number overflow =
        (Number)
            visitor.evaluate(
                "Math.max(...[...document.querySelectorAll('table')].map(t =>"
                    + " t.getBoundingClientRect().right)) - document.documentElement.clientWidth");
    assertThat(overflow.doubleValue()).isLessThanOrEqualTo(1);
    HeadlessChromium.assertAccessible(visitor);
  }
}
