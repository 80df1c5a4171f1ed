package org.fourthpurpose.anchor;

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
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partnership lead walks through the anchor pages in a real browser, following the links the
 * pages give: adds a commitment to an organisation of the seeded register, reads the coverage
 * matrix and the network of the connected system, and uploads a spend file; every page passes an
 * axe WCAG 2.2 AA check.
 */
@ApplicationTest
class AnchorWalkthroughBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";

  /** Hertfordshire and West Essex, used by no other anchor test. */
  static final String ICB = "E54000025";

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired Geography geography;
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

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void aPartnershipLeadAddsACommitmentReadsCoverageAndTheNetworkAndUploadsSpend() throws Exception {
    Account lead =
        accounts.createAccount(
            "lead." + UUID.randomUUID() + "@example.org", "Pat Lead", PASSWORD, false);
    accounts.grant(lead.id(), ICB, WorkspaceRole.EDITOR);
    Page page =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", lead.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");

    page.navigate(url("/workspaces/" + ICB));
    page.click("#anchors-link");
    assertThat(page.locator("h1").textContent()).isEqualTo("Anchor institutions");
    HeadlessChromium.assertAccessible(page);

    // Add a commitment to the first organisation of the seeded register.
    page.click("#anchor-sections a:has-text('Organisations')");
    HeadlessChromium.assertAccessible(page);
    String organisation = page.locator("table th[scope=row] a").first().textContent().strip();
    page.locator("table th[scope=row] a").first().click();
    page.click("#add-commitment");
    HeadlessChromium.assertAccessible(page);
    page.check("#pillar");
    page.fill("#promise", "Fill 40 entry-level posts with residents of the most deprived areas");
    page.check("#theme-employment");
    page.fill("#target", "40 posts");
    page.click("#save-commitment");
    assertThat(page.content()).contains("Fill 40 entry-level posts");
    HeadlessChromium.assertAccessible(page);

    // Coverage against need: the commitment covers the employment theme.
    page.navigate(url("/workspaces/" + ICB + "/anchors"));
    page.click("a:has-text('Coverage against need')");
    assertThat(page.locator("h1").textContent()).isEqualTo("Coverage against need");
    assertThat(page.locator("#findings-list li").count()).isBetween(3, 5);
    assertThat(
            page.locator("#coverage-themes tr[data-theme=employment] td[data-pillar=employment]")
                .textContent())
        .contains(organisation);
    assertThat(
            page.locator("#coverage-themes tr[data-theme=employment]").getAttribute("data-finding"))
        .isEqualTo("covered");
    HeadlessChromium.assertAccessible(page);
    page.setViewportSize(390, 844);
    // On a phone the matrix stacks: no sideways scrolling.
    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
        .as(
            "elements wider than the phone: %s",
            page.evaluate(
                "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
                    + " > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.'"
                    + " + e.className + ' ' + (e.textContent || '').slice(0, 60)).join(' | ')"))
        .isTrue();
    HeadlessChromium.assertAccessible(page);
    page.setViewportSize(1280, 900);

    // The network of the connected system, with its table alternative.
    page.click("a:has-text('The connected anchor system')");
    assertThat(page.locator("h1").textContent()).isEqualTo("The connected anchor system");
    assertThat(page.locator("#network-chart-title").textContent())
        .startsWith("Connected anchor system of ");
    assertThat(page.locator("#network-organisations").textContent()).contains(organisation);
    HeadlessChromium.assertAccessible(page);

    // A spend file with two suppliers in a district of the footprint and one unplaced.
    String district = geography.ladPartsOf(ICB).get(0).ladCode();
    Path file = dir.resolve("spend.csv");
    Files.writeString(
        file,
        "supplier,amount,lsoa_code,lad_code,latitude,longitude\n"
            + "Local Bakery,1200.50,,"
            + district
            + ",,\n"
            + "Local Builders,800,,"
            + district
            + ",,\n"
            + "Somewhere Ltd,99.50,,,,\n",
        StandardCharsets.UTF_8);
    page.navigate(url("/workspaces/" + ICB + "/anchors/spend"));
    HeadlessChromium.assertAccessible(page);
    page.selectOption(
        "#organisation",
        new com.microsoft.playwright.options.SelectOption()
            .setLabel(page.locator("#organisation option").nth(1).textContent()));
    page.fill("#year", "2025");
    page.setInputFiles("#file", file);
    page.click("button:has-text('Analyse the file')");
    assertThat(page.url()).contains("/anchors/spend/").contains("analysed");
    // 1,200.50 + 800 in the footprint, 99.50 with no place: 2,100.00 in all.
    assertThat(page.locator("#summary").textContent().replaceAll("\\s+", " "))
        .contains("£2,100.00 over 3 rows")
        .contains("£2,000.50 (95.3% of all spend)")
        .contains("£99.50 (4.7%, 1 rows)");
    HeadlessChromium.assertAccessible(page);
  }
}
