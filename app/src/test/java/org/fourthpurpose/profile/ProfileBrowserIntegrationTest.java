package org.fourthpurpose.profile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst in a real browser (headless Chromium): opens Cheshire and Merseyside's profile,
 * switches the comparator to its nearest neighbours, downloads the CSV and checks its figures
 * against the page and the database, then opens a theme's charts; axe-core checks each page.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileBrowserIntegrationTest {

  private static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  @LocalServerPort int port;
  @Autowired IcsProfiles profiles;
  @Autowired Geography geography;
  @Autowired JdbcTemplate jdbc;
  @Autowired PeerGroups peers;

  private HeadlessChromium chromium;

  @BeforeAll
  void launch() {
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private void assertAccessible(Page page) {
    AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
    assertThat(results.isErrored()).as("axe-core errored: %s", results.getErrorMessage()).isFalse();
    List<Rule> blocking =
        results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
    assertThat(blocking)
        .as("serious or critical WCAG 2.2 AA violations on %s", page.url())
        .extracting(Rule::getId)
        .isEmpty();
  }

  @Test
  void switchesComparatorDownloadsTheCsvAndItsFiguresMatchThePage() throws Exception {
    Browser browser = chromium.browser();
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(120_000);
    try {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/ics/QYG/profile");
      assertThat(page.locator("h1")).hasText("Indicator profile");
      assertThat(page.locator("#compared-with")).hasText("Compared with England.");
      assertAccessible(page);

      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Nearest neighbours"))
          .check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
      page.waitForURL(Pattern.compile(".*comparator=neighbours.*"));
      assertThat(page.locator("#compared-with"))
          .hasText("Compared with England and with nearest neighbours.");
      assertThat(
              page.getByRole(
                  AriaRole.RADIO, new Page.GetByRoleOptions().setName("Nearest neighbours")))
          .isChecked();

      Locator row = page.locator("tr[data-indicator='employment-rate']");
      List<String> cells = row.locator("td").allTextContents();
      // Period, value (interval), England, comparison, neighbours (comparison), trend, rank, spine
      String shownValue = cells.get(1).strip().split("\\s+")[0];
      String shownNeighbours = cells.get(4).strip().split("\\s+")[0];
      assertThat(row.locator("td").nth(4).locator(".fp-cell-note").textContent().strip())
          .matches("(Better than|Similar to|Worse than) nearest neighbours");
      assertAccessible(page);

      Download download =
          page.waitForDownload(
              () ->
                  page.getByRole(
                          AriaRole.LINK,
                          new Page.GetByRoleOptions().setName("Download this profile (CSV)"))
                      .click());
      assertThat(download.suggestedFilename()).isEqualTo("profile-QYG-neighbours.csv");
      String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
      List<List<String>> records = new ArrayList<>();
      try (CsvReader reader = new CsvReader(new StringReader(csv))) {
        for (var r = reader.next(); r.isPresent(); r = reader.next()) {
          records.add(r.get().fields());
        }
      }
      List<String> header = records.get(0);
      List<String> employment =
          records.stream()
              .filter(r -> r.get(header.indexOf("indicatorId")).equals("employment-rate"))
              .findFirst()
              .orElseThrow();
      double value = Double.parseDouble(employment.get(header.indexOf("value")));
      double neighbours = Double.parseDouble(employment.get(header.indexOf("comparatorValue")));
      String period = employment.get(header.indexOf("period"));
      // The file holds the stored figure at full precision; the page shows it rounded.
      assertThat(value)
          .isEqualTo(
              jdbc.queryForObject(
                  "select observation from indicator_value where indicator_id = 'employment-rate'"
                      + " and area_type = 'ICB' and area_code = 'E54000008' and period = ?",
                  Double.class,
                  period));
      assertThat(Double.parseDouble(shownValue)).isCloseTo(value, within(0.05));
      assertThat(Double.parseDouble(shownNeighbours)).isCloseTo(neighbours, within(0.05));
      assertThat(records).hasSize(1 + (int) page.locator("tr[data-indicator]").count());

      page.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions()
                  .setName("Trends, peers and maps for Employment and good work"))
          .click();
      page.waitForURL(Pattern.compile(".*/profile/themes/employment\\?comparator=neighbours"));
      assertThat(page.locator("h1")).hasText("Employment and good work");
      assertThat(page.locator("#employment-rate-trend")).isVisible();
      assertThat(page.locator("figure.fp-map svg path").first()).isVisible();
      assertAccessible(page);
    } finally {
      context.close();
    }
  }

  @Test
  void aPublishedGroupsPageComparesItsMembersAndIsAccessible() {
    PeerGroup group =
        peers.create(
            "E54000008",
            "North West and neighbours",
            PeerGroup.Kind.THEMATIC,
            "employment",
            "Systems comparing routes into good work.",
            true,
            List.of("QYG", "QE1", "QOP"));
    BrowserContext context =
        chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(120_000);
    try {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/groups/" + group.id());
      assertThat(page.locator("h1")).hasText("North West and neighbours");
      // The group's theme comes first, with a column per member.
      assertThat(page.locator("section h2").first())
          .hasText("Employment and good work (the group's theme)");
      assertThat(page.locator("section").first().locator("thead th")).hasCount(2 + 3 + 2);
      Locator employment = page.locator("tr[data-indicator='employment-rate'] td");
      assertThat(employment).hasCount(1 + 3 + 2);
      assertAccessible(page);
    } finally {
      context.close();
    }
  }
}
