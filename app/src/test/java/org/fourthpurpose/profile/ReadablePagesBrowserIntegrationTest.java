package org.fourthpurpose.profile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A board member reads the pages on a phone (320 px) and on a laptop (1280 px): the profile, a
 * theme page, a group comparison and the ICS overview. No table or chart is wider than its
 * container and the page never scrolls sideways; every value keeps its column's name when the rows
 * stack; axe-core finds no WCAG 2.2 AA violation.
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

  @LocalServerPort int port;
  @Autowired PeerGroups peers;

  private HeadlessChromium chromium;
  private PeerGroup group;

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
  }

  @AfterAll
  void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private void check(String path, String heading) {
    for (int width : WIDTHS) {
      Browser browser = chromium.browser();
      BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
      context.setDefaultTimeout(60_000);
      context.setDefaultNavigationTimeout(120_000);
      try {
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        assertThat(page.locator("h1")).containsText(heading);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate(OVERFLOWS);
        assertThat(problems).as("too wide at %d px on %s", width, path).isEmpty();
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
