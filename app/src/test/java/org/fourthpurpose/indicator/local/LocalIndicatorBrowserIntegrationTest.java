package org.fourthpurpose.indicator.local;

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
import org.fourthpurpose.indicator.importing.IndicatorImports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Defining a local indicator in a real browser, without JavaScript doing anything the server does
 * not: the error summary links to each field at fault, the defined indicator is listed, and after
 * an import it is on the profile marked Local in words; every workspace page passes an axe WCAG 2.2
 * AA check.
 */
@ApplicationTest
class LocalIndicatorBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";
  static final String ICB = LocalIndicatorIntegrationTest.ICB;

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired IndicatorImports imports;
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
  void startEmpty() {
    jdbc.update("delete from imported_value where workspace_icb_code = ?", ICB);
    jdbc.update(
        "delete from indicator_import_error where import_id in (select id from indicator_import"
            + " where workspace_icb_code = ?)",
        ICB);
    jdbc.update("delete from indicator_import where workspace_icb_code = ?", ICB);
    jdbc.update("delete from indicator where workspace_icb_code = ?", ICB);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void anEditorCorrectsTheFormDefinesAnIndicatorAndSeesItOnTheProfileMarkedLocal()
      throws Exception {
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

    page.navigate(url("/workspaces/" + ICB + "/indicators/local"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Local indicators and imported values");
    HeadlessChromium.assertAccessible(page);
    page.click("a:has-text('Define a local indicator')");
    HeadlessChromium.assertAccessible(page);

    page.fill("#id", "local-anchor-spend");
    page.click("button:has-text('Define the indicator')");
    assertThat(page.title()).startsWith("Error: ");
    assertThat(page.locator(".nhsuk-error-summary").textContent())
        .contains("Enter a title")
        .contains("Select the kind of number")
        .contains("Select a theme");
    HeadlessChromium.assertAccessible(page);
    page.click(".nhsuk-error-summary a:has-text('Enter a title')");
    // The NHS.UK error summary moves the focus to the field (without script, the link jumps there).
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("title");

    page.fill("#title", "Spend with local suppliers");
    page.fill("#definition", "Share of the anchor institutions' spend with local suppliers");
    page.check("#valueType");
    page.fill("#unit", "% of anchor spend");
    page.check("#polarity");
    page.check("#intervalMethod-WILSON");
    page.selectOption("#themeCode", "local-economy");
    page.fill("#source", LocalIndicatorIntegrationTest.SOURCE);
    page.fill("#licence", "Open Government Licence v3.0");
    page.check("#areaTypes"); // England, the first area type
    page.click("button:has-text('Define the indicator')");
    assertThat(page.locator("#definitions").textContent())
        .contains("Spend with local suppliers")
        .contains("local-anchor-spend")
        .contains("Workspace only");
    HeadlessChromium.assertAccessible(page);

    Path file = dir.resolve("spend.csv");
    Files.writeString(
        file,
        LocalIndicatorIntegrationTest.HEADER
            + "local-anchor-spend,E54000062,2024/25,,150,400,,\n"
            + "local-anchor-spend,E92000001,2024/25,,30000,100000,,\n",
        StandardCharsets.UTF_8);
    assertThat(imports.importNow(ICB, file, "spend.csv", editor.email()).record().status())
        .isEqualTo("ACCEPTED");
    page.navigate(url("/ics/QUA/profile"));
    String row = page.locator("tr[data-indicator='local-anchor-spend']").textContent();
    assertThat(row)
        .contains("Spend with local suppliers")
        .contains("Local")
        .contains("37.5")
        .contains("32.9 to 42.3")
        .contains("Better than England");
  }
}
