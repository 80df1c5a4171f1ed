package org.fourthpurpose;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, for the browser tests. Playwright never downloads a
 * browser here. When Chromium is missing the tests are skipped, unless {@code
 * FP_REQUIRE_BROWSER=true} (as in CI), when they fail.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Launches Chromium, or skips (or fails, when required) the calling tests if it is not installed.
   */
  public static HeadlessChromium launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      String message =
          "No Chromium at " + CHROMIUM + ": install it with apt-get install -y chromium";
      if ("true".equals(System.getenv("FP_REQUIRE_BROWSER"))) {
        throw new IllegalStateException(
            message + "; FP_REQUIRE_BROWSER=true, so browser tests must run");
      }
      Assumptions.abort(message + "; skipping the browser tests");
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    return new HeadlessChromium(playwright, browser);
  }

  /**
   * Asserts that axe-core finds no WCAG 2.2 AA violation of any impact on the page, naming each
   * rule, its help text and the elements at fault.
   */
  public static void assertAccessible(Page page) {
    AxeResults results =
        new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze();
    assertThat(
            results.getViolations().stream()
                .map(
                    v ->
                        v.getId()
                            + ": "
                            + v.getHelp()
                            + " "
                            + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .toList())
        .as("axe violations on " + page.url())
        .isEmpty();
  }

  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
