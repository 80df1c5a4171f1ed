package org.fourthpurpose.profile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.indicator.importing.ImportRecord;
import org.fourthpurpose.indicator.importing.IndicatorImports;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A board member reads the pages on a phone (320 px) and on a laptop (1280 px): the profile, a
 * theme page, a group comparison, the ICS overview, an indicator shown for England only, a district
 * beside its similar areas, a workspace's local indicators and imports, and the page about the
 * data. No table or chart is wider than its container and the page never scrolls sideways; every
 * value keeps its column's name when the rows stack, and numbers stay right-aligned while they do
 * not; axe-core finds no WCAG 2.2 AA violation.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadablePagesBrowserIntegrationTest {

  private static final int[] WIDTHS = {320, 1280};

  /**
   * Everything too wide for its place, in words: the document, each table's container, and each
   * table and figure whose box, body cells or chart text reach past its container's content box.
   * Hidden header rows (visually hidden, still read by screen readers) are not drawn, so not
   * measured.
   */
  private static final String OVERFLOWS =
      """
      () => {
        const problems = [];
        const d = document.documentElement;
        if (d.scrollWidth > d.clientWidth) {
          problems.push('the page scrolls sideways: ' + d.scrollWidth + ' > ' + d.clientWidth);
        }
        const name = (el) => el.tagName.toLowerCase()
            + (el.id ? '#' + el.id : '')
            + ' "' + ((el.querySelector('caption, figcaption, title') || el).textContent || '')
                .trim().slice(0, 60) + '"';
        for (const el of document.querySelectorAll('main table, main figure')) {
          const container = el.parentElement;
          const box = container.getBoundingClientRect();
          const style = getComputedStyle(container);
          const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
          const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
          if (el.tagName === 'TABLE' && container.scrollWidth > container.clientWidth) {
            problems.push(name(el) + ': container scrolls, ' + container.scrollWidth + ' > '
                + container.clientWidth);
          }
          const parts = [el, ...el.querySelectorAll('tbody th, tbody td, svg, svg text, figcaption')];
          for (const part of parts) {
            const r = part.getBoundingClientRect();
            if (r.width > 0 && (r.right > right + 1 || r.left < left - 1)) {
              problems.push(name(el) + ': ' + part.tagName.toLowerCase() + ' "'
                  + (part.textContent || '').trim().slice(0, 30) + '" spans ' + Math.round(r.left)
                  + '–' + Math.round(r.right) + ', container ' + Math.round(left) + '–' + Math.round(right));
              break;
            }
          }
        }
        return problems;
      }
      """;

  /**
   * Tables that do not follow the reflow pattern, in words: a table outside a reflow container, a
   * body cell without its column's name (data-label), and, while the rows are side by side, a
   * numeric cell that is not right-aligned.
   */
  private static final String UNLABELLED =
      """
      () => {
        const problems = [];
        for (const table of document.querySelectorAll('main table')) {
          const name = 'table' + (table.id ? '#' + table.id : '') + ' "'
              + ((table.querySelector('caption') || table).textContent || '').trim().slice(0, 60) + '"';
          if (!table.classList.contains('fp-reflow')
              || !table.parentElement.classList.contains('fp-table-container')) {
            problems.push(name + ' is not a reflow table in its container');
          }
          for (const td of table.querySelectorAll('tbody td:not([data-label])')) {
            problems.push(name + ': cell "' + td.textContent.trim().slice(0, 30) + '" has no data-label');
          }
          const row = table.querySelector('tbody tr');
          const stacked = row && getComputedStyle(row).display === 'block';
          if (!stacked) {
            for (const td of table.querySelectorAll('tbody td.fp-table-numeric')) {
              if (getComputedStyle(td).textAlign !== 'right') {
                problems.push(name + ': number "' + td.textContent.trim() + '" is not right-aligned');
                break;
              }
            }
          }
        }
        return problems;
      }
      """;

  /** A workspace no other integration test uses: Derby and Derbyshire. */
  private static final String ICB = "E54000058";

  private static final String PASSWORD = "a long enough passphrase 42";
  private static final String LOCAL_INDICATOR = "local-readable-tables";

  @LocalServerPort int port;
  @Autowired PeerGroups peers;
  @Autowired AccountService accounts;
  @Autowired IndicatorImports imports;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private HeadlessChromium chromium;
  private PeerGroup group;
  private Account editor;
  private ImportRecord rejected;

  @BeforeAll
  void launch() {
    chromium = HeadlessChromium.launch();
    // Six members: more than fit side by side, so the group's table stacks even at 1280 px.
    group =
        peers.create(
            "E54000008",
            "Readable pages: northern systems",
            PeerGroup.Kind.GEOGRAPHIC,
            null,
            "Six northern systems, to check the comparison table fits.",
            true,
            List.of("QYG", "QE1", "QOP", "QHM", "QF7", "QWO"));
    forgetTheWorkspace();
    editor =
        accounts.createAccount(
            "readable." + UUID.randomUUID() + "@example.org", "Rhea Reader", PASSWORD, false);
    accounts.grant(editor.id(), ICB, WorkspaceRole.EDITOR);
  }

  @AfterAll
  void close() {
    if (chromium != null) {
      chromium.close();
    }
    forgetTheWorkspace();
  }

  /**
   * A local indicator with values for England, the system, a sub-ICB location and districts with
   * long names, and two imports: one stored, one refused with problems of long messages.
   */
  private void defineAndImportALocalIndicator(Path dir) throws Exception {
    if (rejected != null) {
      return;
    }
    String token = accounts.createToken(editor.id(), "readable pages").token();
    mvc.perform(
            post("/api/v1/workspaces/" + ICB + "/indicators/definitions")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"id": "local-readable-tables",
                     "title": "Residents who feel their neighbourhood is a good place to grow older",
                     "definition": "Share of residents asked who agree",
                     "unit": "% of residents asked", "valueType": "PROPORTION",
                     "polarity": "HIGHER_IS_BETTER", "intervalMethod": "WILSON",
                     "themeCode": "communities", "source": "Derby and Derbyshire residents' survey",
                     "licence": "Open Government Licence v3.0",
                     "areaTypes": ["ENGLAND", "ICB", "SUB_ICB", "LAD"], "published": false}
                    """))
        .andExpect(status().isCreated());
    String header = "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n";
    StringBuilder values = new StringBuilder(header);
    // England, the system, its sub-ICB location and three districts, in two years.
    for (String area :
        List.of("E92000001", "E54000058", "E38000261", "E07000038", "E07000035", "E06000015")) {
      values.append(LOCAL_INDICATOR).append(',').append(area).append(",2023/24,,1234,2000,,\n");
      values.append(LOCAL_INDICATOR).append(',').append(area).append(",2024/25,,1301,2000,,\n");
    }
    Path stored = dir.resolve("derby-and-derbyshire-residents-survey-2024-25-final.csv");
    Files.writeString(stored, values, StandardCharsets.UTF_8);
    assertThat(
            imports
                .importNow(ICB, stored, stored.getFileName().toString(), editor.email())
                .record()
                .status())
        .isEqualTo("ACCEPTED");
    Path refused = dir.resolve("survey-with-problems.csv");
    Files.writeString(
        refused,
        header
            + LOCAL_INDICATOR
            + ",E92000001,2024/25,,2500,2000,,\n"
            + LOCAL_INDICATOR
            + ",E99999999,2024/25,,10,20,,\n",
        StandardCharsets.UTF_8);
    rejected = imports.importNow(ICB, refused, "survey-with-problems.csv", editor.email()).record();
    assertThat(rejected.status()).isEqualTo("REJECTED");
  }

  private void forgetTheWorkspace() {
    jdbc.update("delete from imported_value where workspace_icb_code = ?", ICB);
    jdbc.update(
        "delete from indicator_import_error where import_id in (select id from indicator_import"
            + " where workspace_icb_code = ?)",
        ICB);
    jdbc.update("delete from indicator_import where workspace_icb_code = ?", ICB);
    jdbc.update("delete from indicator where workspace_icb_code = ?", ICB);
  }

  private void check(String path, String heading) {
    check(path, heading, false, false);
  }

  /**
   * As {@link #check(String, String)}, and every table also follows the reflow pattern; signed in
   * as the workspace's editor when asked.
   */
  private void checkReflow(String path, String heading, boolean signedIn) {
    check(path, heading, signedIn, true);
  }

  private Page open(BrowserContext context, String path, boolean signedIn) {
    Page page = context.newPage();
    if (signedIn) {
      page.navigate("http://localhost:" + port + "/sign-in");
      page.fill("#email", editor.email());
      page.fill("#password", PASSWORD);
      page.click("button:has-text('Sign in')");
    }
    page.navigate("http://localhost:" + port + path);
    return page;
  }

  private void check(String path, String heading, boolean signedIn, boolean reflowPattern) {
    for (int width : WIDTHS) {
      Browser browser = chromium.browser();
      BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
      context.setDefaultTimeout(60_000);
      context.setDefaultNavigationTimeout(120_000);
      try {
        Page page = open(context, path, signedIn);
        assertThat(page.locator("h1")).containsText(heading);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate(OVERFLOWS);
        assertThat(problems).as("too wide at %d px on %s", width, path).isEmpty();
        if (reflowPattern) {
          @SuppressWarnings("unchecked")
          List<String> unlabelled = (List<String>) page.evaluate(UNLABELLED);
          assertThat(unlabelled)
              .as("tables off the reflow pattern at %d px on %s", width, path)
              .isEmpty();
        }
        HeadlessChromium.assertAccessible(page);
      } finally {
        context.close();
      }
    }
  }

  @Test
  void theProfileWithItsComparatorFitsAPhoneAndALaptop() {
    check("/ics/QYG/profile?comparator=neighbours", "Indicator profile");
  }

  @Test
  void aThemePageWithItsChartsAndMapFitsAPhoneAndALaptop() {
    check("/ics/QYG/profile/themes/employment?comparator=neighbours", "Employment and good work");
  }

  @Test
  void aGroupComparisonFitsAPhoneAndALaptop() {
    check("/groups/" + group.id(), "Readable pages: northern systems");
  }

  @Test
  void theIcsOverviewFitsAPhoneAndALaptop() {
    check("/ics/QYG", "Cheshire and Merseyside");
  }

  @Test
  void anIndicatorShownForEnglandOnlyFitsAPhoneAndALaptop() {
    checkReflow(
        "/indicators/rtt-over-18-weeks", "Waiting over 18 weeks for planned hospital care", false);
  }

  @Test
  void aDistrictBesideItsSimilarAreasFitsAPhoneAndALaptop() {
    checkReflow(
        "/indicators/greenhouse-gas-emissions/similar-areas?district=E08000016&period=2023",
        "Barnsley compared with similar areas",
        false);
  }

  @Test
  void aboutTheDataFitsAPhoneAndALaptop() {
    checkReflow("/about/data", "About the data", false);
  }

  @Test
  void theLocalIndicatorsAndOneOfThemFitAPhoneAndALaptop(@TempDir Path dir) throws Exception {
    defineAndImportALocalIndicator(dir);
    checkReflow(
        "/workspaces/" + ICB + "/indicators/local", "Local indicators and imported values", true);
    checkReflow(
        "/workspaces/" + ICB + "/indicators/local/" + LOCAL_INDICATOR,
        "Residents who feel their neighbourhood is a good place to grow older",
        true);
  }

  @Test
  void theImportsAndARefusedImportWithItsProblemsFitAPhoneAndALaptop(@TempDir Path dir)
      throws Exception {
    defineAndImportALocalIndicator(dir);
    checkReflow("/workspaces/" + ICB + "/indicators/imports", "Indicator imports", true);
    checkReflow(
        "/workspaces/" + ICB + "/indicators/imports/" + rejected.id(),
        "Import of survey-with-problems.csv",
        true);
  }

  @Test
  void anImportedValueSitsBesideItsColumnNamesOnAPhoneAndRightAlignedInItsColumnOnALaptop(
      @TempDir Path dir) throws Exception {
    defineAndImportALocalIndicator(dir);
    String path = "/workspaces/" + ICB + "/indicators/local/" + LOCAL_INDICATOR;
    for (int width : WIDTHS) {
      BrowserContext context =
          chromium
              .browser()
              .newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
      context.setDefaultNavigationTimeout(120_000);
      try {
        Page page = open(context, path, true);
        // Derby in 2023/24: 1,234 of 2,000 residents asked, 61.7%.
        var derby =
            page.locator("#values-table tbody tr")
                .filter(new Locator.FilterOptions().setHasText("E06000015"))
                .first();
        assertThat(derby.locator("td[data-label='Value']")).hasText("61.7");
        assertThat(derby.locator("td[data-label='Numerator']")).hasText("1234");
        Object labels =
            derby
                .locator("td")
                .evaluateAll(
                    "cells => cells.map(c => [getComputedStyle(c, '::before').content,"
                        + " getComputedStyle(c).textAlign])");
        if (width == 320) {
          // The header row is out of sight; each value has its column's name before it.
          assertThat(page.locator("#values-table thead")).not().isInViewport();
          assertThat(labels)
              .asString()
              .contains("\"Area code\"", "\"Period\"", "\"Value\"", "\"Numerator\"")
              .contains("\"Denominator\"", "\"Lower CI\"", "\"Upper CI\"", "\"Import\"");
        } else {
          // Side by side under the header row, no names before the values, numbers to the right.
          assertThat(page.locator("#values-table thead th").nth(3)).isVisible();
          assertThat(labels).asString().doesNotContain("\"Value\"").contains("[none, right]");
        }
      } finally {
        context.close();
      }
    }
  }

  @Test
  void stackedRowsKeepEveryValueBesideItsColumnName() {
    BrowserContext context =
        chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(320, 900));
    context.setDefaultNavigationTimeout(120_000);
    try {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/ics/QYG/profile?comparator=neighbours");
      var row = page.locator("tr[data-indicator='employment-rate']");
      // The header row is out of sight; each cell shows its column's name before its value.
      assertThat(page.locator("table.fp-profile-table thead").first()).not().isInViewport();
      assertThat(
              row.locator("td")
                  .evaluateAll("cells => cells.map(c => getComputedStyle(c, '::before').content)"))
          .asString()
          .contains("\"Period\"", "\"England\"", "\"Compared with England\"", "\"Rank\"")
          .contains("\"Nearest neighbours\"", "\"Among the 42 systems\"");
      // The comparison keeps its words beside its colour.
      assertThat(row.locator("td[data-label='Compared with England']")).containsText("England");
    } finally {
      context.close();
    }
  }

  @Test
  void subIcbLocationsAreNamedByPlaceOnTheOverview() {
    BrowserContext context =
        chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    context.setDefaultNavigationTimeout(120_000);
    try {
      Page page = context.newPage();
      page.navigate("http://localhost:" + port + "/ics/QYG");
      // lad24_to_sicbl24_derived_from_lsoa21.csv: 99A is all Liverpool, 27D Cheshire East (244
      // LSOAs) and Cheshire West and Chester (222)
      assertThat(page.locator("#subicb-table tbody th").allTextContents())
          .contains("Liverpool (99A)", "Cheshire East, Cheshire West and Chester (27D)")
          .noneMatch(name -> name.startsWith("NHS "));
    } finally {
      context.close();
    }
  }
}
