package org.fourthpurpose.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The neighbourhood map of Cheshire and Merseyside in a real browser: one shape for each of the
 * 1,601 LSOAs in the ONS lookup, each shaded by its decile in {@code imd2025_england_lsoa21.csv},
 * reachable with the keyboard under its own name, the measure chosen with the plain form, and the
 * page passing axe-core (WCAG 2.2 AA).
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodMapBrowserIntegrationTest {

  /** LSOA → [IMD decile, income decile], read from the IoD 2025 file for these five. */
  static final Map<String, int[]> KNOWN =
      Map.of(
          "E01006412", new int[] {1, 1}, // Knowsley 006A
          "E01006425", new int[] {5, 5}, // Knowsley 018B
          "E01006420", new int[] {8, 9}, // Knowsley 017A
          "E01006524", new int[] {10, 9}, // Liverpool 048B
          "E01012392", new int[] {10, 10}); // Halton 001A

  @LocalServerPort private int port;

  private HeadlessChromium chromium;
  private BrowserContext context;
  private Page page;

  @BeforeAll
  void launch() throws Exception {
    chromium = HeadlessChromium.launch();
    Files.createDirectories(Paths.get("target", "screenshots"));
  }

  @AfterAll
  void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void newPage() {
    context =
        chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(120_000);
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    if (context != null) {
      context.close();
    }
  }

  private void open(String path) {
    Response response = page.navigate("http://localhost:" + port + path);
    assertThat(response.status()).as("status of %s", path).isEqualTo(200);
  }

  /** The CSS class of each shape on the map, by the LSOA code its title names. */
  @SuppressWarnings("unchecked")
  private Map<String, String> shapeClasses() {
    List<List<String>> shapes =
        (List<List<String>>)
            page.evaluate(
                "() => Array.from(document.querySelectorAll('#neighbourhood-map svg path'))"
                    + ".map(p => [p.querySelector('title').textContent, p.getAttribute('class')])");
    Map<String, String> byCode = new HashMap<>();
    for (List<String> shape : shapes) {
      String title = shape.get(0);
      String code = title.substring(title.indexOf('(') + 1, title.indexOf(')'));
      assertThat(byCode.put(code, shape.get(1))).as("a second shape for " + code).isNull();
    }
    assertThat(byCode).hasSize(shapes.size());
    return byCode;
  }

  @Test
  void drawsOneShapePerLsoaShadedByItsImdDecileAndPassesAxe() throws Exception {
    open("/ics/QYG");

    Map<String, String> classes = shapeClasses();
    assertThat(classes.keySet())
        .isEqualTo(NeighbourhoodMapsIntegrationTest.lsoasInLookup("E54000008"));
    KNOWN.forEach(
        (code, deciles) -> assertThat(classes.get(code)).isEqualTo("fp-decile-" + deciles[0]));
    // Every shape is named for assistive technology and reachable with the keyboard.
    assertThat(
            page.getByRole(
                AriaRole.IMG,
                new Page.GetByRoleOptions().setName("Knowsley 006A (E01006412): decile 1")))
        .hasCount(1);
    page.locator("#neighbourhood-map svg path").first().focus();
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.tagName")).isEqualTo("path");
    assertThat(page.locator("#neighbourhood-map .fp-key li")).hasCount(10);
    assertThat(page.locator("#lsoa-steps tbody tr")).hasCount(10);
    page.locator("#neighbourhood-map")
        .screenshot(
            new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "neighbourhood-map-qyg.png")));
    HeadlessChromium.assertAccessible(page);

    // Every neighbourhood is one link away, in a table that fits the page.
    page.getByText("Every neighbourhood of Cheshire and Merseyside in a table (1,601)").click();
    page.waitForURL("**/ics/QYG/neighbourhoods?map=imd");
    assertThat(page.locator("#lsoa-table tbody tr")).hasCount(1601);
    HeadlessChromium.assertAccessible(page);
  }

  @Test
  void theFormRedrawsTheMapByTheChosenDomainWithoutJavaScript() {
    context.close();
    context =
        chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(120_000);
    page = context.newPage();
    open("/ics/QYG");

    page.getByLabel("What the map shows").selectOption("income");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show on the map")).click();
    page.waitForURL("**/ics/QYG?map=income#neighbourhood-map");

    Map<String, String> classes = shapeClasses();
    assertThat(classes).hasSize(1601);
    KNOWN.forEach(
        (code, deciles) -> assertThat(classes.get(code)).isEqualTo("fp-decile-" + deciles[1]));
    assertThat(page.locator("#neighbourhood-map h3"))
        .hasText("Income domain, Indices of Deprivation 2025");
  }
}
