package org.fourthpurpose.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages in a real browser (headless Chromium), as a person would use them: the home
 * page's map and form, an ICS overview with Cheshire and Merseyside's real figures, the England
 * table's sorting, domain form and CSV download, About the data, the 404 page, and the overview
 * with JavaScript switched off. Every page is also checked with axe-core against WCAG 2.2 AA and
 * photographed into {@code target/screenshots/}.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserIntegrationTest {

  // Failsafe runs in the module's directory, so this is app/target/screenshots.
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^-?[0-9][0-9,]*(\\.[0-9]+)?");

  @LocalServerPort private int port;

  private org.fourthpurpose.HeadlessChromium chromium;
  private Browser browser;
  private BrowserContext context;
  private Page page;

  @BeforeAll
  void launchBrowser() throws IOException {
    chromium = org.fourthpurpose.HeadlessChromium.launch();
    browser = chromium.browser();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void newPage() {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    // The app starts slowly on a busy machine; be generous, never assert on speed.
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(120_000);
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void homePageShowsTheMapOfAll42SystemsAndTheListByRegion() {
    open("/");

    assertThat(page.locator("h1"))
        .hasText("Helping integrated care systems support social and economic development");
    Locator mapLinks = page.locator("figure.fp-map svg a");
    assertThat(mapLinks).hasCount(42);
    for (String href : attributes(mapLinks, "href")) {
      assertThat(href).matches("/ics/Q[A-Z0-9]{2}");
    }
    // Each area is a link named (by its SVG <title>) with the system and its share.
    assertThat(
            page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions()
                    .setName(
                        Pattern.compile(
                            "^Cheshire and Merseyside: [0-9]+\\.[0-9]% of people live in the most"
                                + " deprived fifth of areas$"))))
        .hasAttribute("href", "/ics/QYG");
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("All 42 systems by region")))
        .isVisible();
    Locator listLinks = page.locator("#systems-by-region a");
    assertThat(listLinks).hasCount(42);
    assertThat(listLinks.filter(new Locator.FilterOptions().setHasText("Cheshire and Merseyside")))
        .hasAttribute("href", "/ics/QYG");
    assertThat(page.locator("#code option[value]:not([value=''])")).hasCount(42);
  }

  @Test
  void choosingASystemWithTheFormOpensItsOverview() {
    open("/");

    page.getByLabel("Integrated care system", new Page.GetByLabelOptions().setExact(true))
        .selectOption(new SelectOption().setLabel("Cheshire and Merseyside"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show this system"))
        .click();

    page.waitForURL("**/ics/QYG");
    assertThat(page.locator("h1")).hasText("Cheshire and Merseyside");
  }

  @Test
  void overviewShowsCheshireAndMerseysidesRealFigures() {
    open("/ics/QYG");

    assertThat(page.locator("h1")).hasText("Cheshire and Merseyside");
    assertThat(summaryValue("Population (Census 2021)")).hasText("2,518,617");
    assertThat(summaryValue("ONS code")).hasText("E54000008");
    assertThat(summaryValue("ODS code")).hasText("QYG");

    Locator domainRows = page.locator("#summary-table tbody tr");
    assertThat(domainRows).hasCount(8);
    assertThat(domainRows.first().locator("th")).hasText("Index of Multiple Deprivation");

    // The decile table is behind a <details>: open it as a person would, then add it up.
    page.getByText("Population by decile as a table").click();
    Locator decileRows = page.locator("#decile-table tbody tr");
    assertThat(decileRows).hasCount(10);
    assertThat(decileRows.first()).isVisible();
    long residents =
        decileRows.locator("td:nth-of-type(1)").allTextContents().stream()
            .mapToLong(text -> Long.parseLong(text.strip().replace(",", "")))
            .sum();
    assertThat(residents).isEqualTo(2_518_617L);
    double shares =
        decileRows.locator("td:nth-of-type(2)").allTextContents().stream()
            .mapToDouble(PublicPagesBrowserIntegrationTest::leadingNumber)
            .sum();
    assertThat(shares).isBetween(99.5, 100.5);

    List<String> districts = page.locator("#district-table tbody th").allTextContents();
    assertThat(districts)
        .contains("Liverpool", "Wirral", "Sefton", "Knowsley", "St. Helens", "Halton", "Warrington")
        .contains("Cheshire East", "Cheshire West and Chester");
  }

  @Test
  void overviewWorksWithJavaScriptSwitchedOff() {
    context.close();
    context =
        browser.newContext(
            new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(1280, 800));
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(120_000);
    page = context.newPage();

    open("/ics/QYG");

    assertThat(page.locator("body")).not().hasClass(Pattern.compile("js-enabled"));
    assertThat(page.locator("h1")).hasText("Cheshire and Merseyside");
    assertThat(summaryValue("Population (Census 2021)")).hasText("2,518,617");
    assertThat(page.locator("#summary-table tbody tr")).hasCount(8);
    // Native <details> opens without JavaScript.
    page.getByText("Population by decile as a table").click();
    assertThat(page.locator("#decile-table")).isVisible();
    // Without NHS.UK's script, the wide summary table still fits: its rows stack (CSS only), so
    // there is nothing to scroll sideways.
    assertThat(page.locator("#summary-table")).isVisible();
    var table = page.locator("#summary-table").boundingBox();
    var column = page.locator("main").boundingBox();
    assertThat(table.x + table.width).isLessThanOrEqualTo(column.x + column.width + 1);
    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("England").setExact(true)))
        .isVisible();
  }

  @Test
  void englandTableSortsByExtentAndSwitchesDomain() {
    open("/england");

    assertThat(page.locator("#england-table tbody tr")).hasCount(42);
    assertThat(page.locator("#england-table caption"))
        .hasText("Index of Multiple Deprivation – English Indices of Deprivation 2025");

    // The first click sorts ascending, the second descending.
    page.locator("#england-table thead")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Extent (rank)"))
        .click();
    page.waitForURL(Pattern.compile(".*sort=extent.*direction=asc.*"));
    page.locator("#england-table thead")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Extent (rank)"))
        .click();
    page.waitForURL(Pattern.compile(".*sort=extent.*direction=desc.*"));
    assertThat(page.locator("#england-table th[aria-sort='descending']")).hasText("Extent (rank)");

    List<Double> extents = extentColumn();
    assertThat(extents).hasSize(42);
    assertThat(extents.get(0))
        .isEqualTo(extents.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertThat(extents).isSortedAccordingTo((a, b) -> Double.compare(b, a));

    page.getByLabel("Domain", new Page.GetByLabelOptions().setExact(true))
        .selectOption(new SelectOption().setLabel("Income"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    page.waitForURL(Pattern.compile(".*domain=income.*"));
    assertThat(page.locator("#england-table caption"))
        .hasText("Income – English Indices of Deprivation 2025");
    assertThat(page.locator("#england-table tbody tr")).hasCount(42);
    // The sort survives the domain change.
    assertThat(page.locator("#england-table th[aria-sort='descending']")).hasText("Extent (rank)");
  }

  @Test
  void englandCsvDownloadHasOneRowPerSystem() throws IOException {
    open("/england");

    Download download = page.waitForDownload(() -> page.locator("#download-csv").click());

    assertThat(download.suggestedFilename()).isEqualTo("england-icbs-iod2025-imd.csv");
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(43);
    assertThat(lines.get(0))
        .startsWith("icbCode,odsCode,name,region,population,domain,averageScore,");
    assertThat(lines).anyMatch(line -> line.startsWith("E54000008,QYG,"));
  }

  @Test
  void aboutTheDataNamesTheIndicesAndTheOpenGovernmentLicence() {
    open("/about/data");

    assertThat(page.locator("h1")).hasText("About the data");
    Locator indices = page.locator("#source-iod2025");
    assertThat(indices.locator("th[scope=row]"))
        .containsText("English Indices of Deprivation 2025");
    assertThat(indices)
        .containsText(
            "Contains public sector information licensed under the Open Government Licence v3.0."
                + " Source: Ministry of Housing, Communities and Local Government, English Indices of"
                + " Deprivation 2025.");
  }

  @Test
  void unknownPageShowsTheNhsStyleNotFoundPage() {
    Response response = page.navigate(url("/no-such-page"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(page.locator("h1")).hasText("Page not found");
    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("go to the home page")))
        .hasAttribute("href", "/");
    assertThat(page.locator("header.nhsuk-header")).isVisible();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "home, /, 200",
    "ics-QYG, /ics/QYG, 200",
    "england, /england, 200",
    "about-data, /about/data, 200",
    "indicators, /indicators, 200",
    "indicator-employment-rate, /indicators/employment-rate, 200",
    "indicator-imd-score, /indicators/iod2025-imd-score, 200",
    "indicator-persistent-absence-fsm, /indicators/persistent-absence-fsm, 200",
    "similar-areas-barnsley, /indicators/greenhouse-gas-emissions/similar-areas?district=E08000016, 200",
    "profile-QYG, /ics/QYG/profile, 200",
    "profile-QYG-neighbours, /ics/QYG/profile?comparator=neighbours, 200",
    "profile-QYG-employment-region, /ics/QYG/profile/themes/employment?comparator=region, 200",
    "profile-QYG-access, /ics/QYG/profile/themes/access, 200",
    "sign-in, /sign-in, 200",
    "not-found, /no-such-page, 404"
  })
  void publicPageHasNoSeriousAccessibilityViolations(String name, String path, int status)
      throws IOException {
    Response response = page.navigate(url(path));
    assertThat(response.status()).isEqualTo(status);
    page.screenshot(
        new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));

    assertThat(page.locator("h1")).hasCount(1);
    assertThat(page.locator("html"))
        .hasAttribute("lang", Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$"));
    // One <title> in the head: SVG titles must not be copied there (nor their ids duplicated).
    assertThat(page.locator("head > title")).hasCount(1);
    assertThat(page).hasTitle(Pattern.compile(".+ – Fourth Purpose$|^Fourth Purpose – .+"));

    AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
    assertThat(results.isErrored()).as("axe-core errored: %s", results.getErrorMessage()).isFalse();
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
            .toList();
    assertThat(blocking)
        .as(
            "serious or critical WCAG 2.2 AA violations on %s; all violations:%n%s",
            path, describe(results.getViolations()))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "home, /",
    "ics-QYG, /ics/QYG",
    "england, /england",
    "about-data, /about/data",
    "indicators, /indicators",
    "indicator-employment-rate, /indicators/employment-rate",
    "similar-areas-barnsley, /indicators/greenhouse-gas-emissions/similar-areas?district=E08000016",
    "profile-QYG, /ics/QYG/profile",
    "profile-QYG-employment, /ics/QYG/profile/themes/employment?comparator=neighbours",
    "sign-in, /sign-in",
    "not-found, /no-such-page"
  })
  void publicPageReflowsOnANarrowScreenWithoutScrollingSideways(String name, String path) {
    // WCAG 1.4.10: at 320 CSS pixels wide only wide tables may scroll, inside their own container.
    page.setViewportSize(320, 640);
    page.navigate(url(path));
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(SCREENSHOTS.resolve(name + "-320.png")));

    Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
    assertThat(((Number) pageWidth).intValue())
        .as("page width at 320px on %s", path)
        .isLessThanOrEqualTo(320);
  }

  private void open(String path) {
    Response response = page.navigate(url(path));
    assertThat(response.status()).as("status of %s", path).isEqualTo(200);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private Locator summaryValue(String key) {
    return page.locator(".nhsuk-summary-list__row")
        .filter(
            new Locator.FilterOptions()
                .setHas(page.locator("dt", new Page.LocatorOptions().setHasText(key))))
        .locator("dd");
  }

  private List<Double> extentColumn() {
    int column = columnIndex("Extent (rank)");
    return page
        .locator("#england-table tbody tr > :nth-child(" + column + ")")
        .allTextContents()
        .stream()
        .map(PublicPagesBrowserIntegrationTest::leadingNumber)
        .toList();
  }

  /** The 1-based position of a column in the England table, found by its header text. */
  private int columnIndex(String header) {
    List<String> headers =
        page.locator("#england-table thead th").allTextContents().stream()
            .map(String::strip)
            .toList();
    int index = headers.indexOf(header);
    assertThat(index).as("column %s in %s", header, headers).isNotNegative();
    return index + 1;
  }

  private static List<String> attributes(Locator locator, String name) {
    return locator.all().stream().map(element -> element.getAttribute(name)).toList();
  }

  /** The number a cell starts with: "12.3% (5)" is 12.3, "2,518,617" is 2518617. */
  private static double leadingNumber(String cell) {
    Matcher matcher = LEADING_NUMBER.matcher(cell.strip());
    assertThat(matcher.find()).as("a number at the start of '%s'", cell).isTrue();
    return Double.parseDouble(matcher.group().replace(",", ""));
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                "- "
                    + rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getHelp()
                    + "\n"
                    + rule.getNodes().stream()
                        .map(PublicPagesBrowserIntegrationTest::describe)
                        .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  private static String describe(CheckedNode node) {
    String html = node.getHtml();
    if (html != null && html.length() > 160) {
      html = html.substring(0, 160) + "…";
    }
    return "    " + node.getTarget() + " " + html + "\n      " + node.getFailureSummary();
  }
}
