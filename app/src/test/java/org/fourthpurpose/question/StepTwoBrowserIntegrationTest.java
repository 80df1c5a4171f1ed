package org.fourthpurpose.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.SelectOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.question.proposition.PropositionFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 2 in a real browser, following the pages' own links: a partnership lead adopts two
 * questions, scores them and a colleague scores them too, the lead agrees a priority, writes a
 * testable proposition with partners and funding, sends the relationship audit (created and its
 * links made through the API, five partners answering through their links) and reads its results,
 * then opens the plan and prints it. Every page passes an axe WCAG 2.2 AA check, and the plan fits
 * a 320 px screen.
 */
@ApplicationTest
class StepTwoBrowserIntegrationTest {

  static final String PASSWORD = "a long enough passphrase 42";

  /** Bedfordshire, Luton and Milton Keynes, used by no other test. */
  static final String ICB = "E54000024";

  static final JsonMapper JSON = JsonMapper.builder().build();

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

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
    PropositionFixture.forget(jdbc, ICB);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void aLeadTakesStepTwoFromQuestionsToAPrintedPlan() throws Exception {
    PropositionFixture.forget(jdbc, ICB);
    Account lead = account("Pat Lead", WorkspaceRole.ICS_ADMIN);
    Account colleague = account("Sam Colleague", WorkspaceRole.EDITOR);
    Page page = signIn(lead);

    // Adopt two questions from the bank.
    // The workspace page's card for the questions is the question bank's; go straight there.
    page.navigate(url("/workspaces/" + ICB + "/questions"));
    HeadlessChromium.assertAccessible(page);
    adoptFirst(page);
    adoptFirst(page);
    assertThat(page.locator("#questions-summary").textContent()).startsWith("2 questions");

    // Both people score them; the lead scores higher.
    score(page, "4");
    HeadlessChromium.assertAccessible(page);
    Page other = signIn(colleague);
    score(other, "2");
    HeadlessChromium.assertAccessible(other);
    other.context().close();

    // The lead agrees the first question as a priority.
    page.navigate(url("/workspaces/" + ICB + "/questions"));
    page.locator("a:has-text('Agree as priority')").first().click();
    HeadlessChromium.assertAccessible(page);
    page.fill("#rationale", "Vacancies in health and care hold back every plan");
    page.click("#agree-priority");

    // A testable proposition with two partners and a funding programme.
    page.navigate(url("/workspaces/" + ICB + "/plan"));
    HeadlessChromium.assertAccessible(page);
    page.navigate(url("/workspaces/" + ICB + "/propositions"));
    HeadlessChromium.assertAccessible(page);
    page.click("#add-proposition");
    HeadlessChromium.assertAccessible(page);
    page.selectOption("#questionId", new SelectOption().setIndex(1));
    page.fill("#title", "Health and care jobs academy");
    page.fill("#ifWe", "train local residents for entry-level posts");
    page.fill("#then", "vacancies fall and residents get good work");
    page.fill("#measuredBy", "the share of new starters living in the footprint");
    Locator roles = page.locator("#partner-choices select");
    roles.nth(0).selectOption("lead");
    roles.nth(1).selectOption("funder");
    page.check("#policy-uk-shared-prosperity-fund");
    page.locator("#places input[type=checkbox]").first().check();
    page.fill("#pilotFrom", "2026-04-01");
    page.fill("#pilotCost", "£80,000");
    page.click("#save-proposition");
    assertThat(page.locator("#hypothesis").textContent())
        .isEqualTo(
            "If we train local residents for entry-level posts, then vacancies fall and residents"
                + " get good work, as measured by the share of new starters living in the"
                + " footprint.");
    assertThat(page.locator("#pilot-cost").textContent()).isEqualTo("£80,000");
    assertThat(page.locator("#policy-table").textContent()).contains("UK Shared Prosperity Fund");
    HeadlessChromium.assertAccessible(page);
    page.check("#to");
    page.fill("#decision", "Agreed by the ICP board");
    page.fill("#reason", "The council leads and the ICB funds the first year");
    page.click("#save-decision");
    assertThat(page.locator("#proposition-status").textContent()).isEqualTo("Agreed");
    assertThat(page.locator("#decision-table").textContent())
        .contains("Idea to Agreed", "Pat Lead");

    // The relationship audit: created and sent through the API, five councils answer.
    String token = accounts.createToken(lead.id(), "browser test").token();
    long audit =
        api(
                token,
                "POST",
                "/api/v1/workspaces/" + ICB + "/audits",
                "{\"title\": \"Partners' view 2026\"}",
                201)
            .get("id")
            .asLong();
    JsonNode links =
        api(
            token,
            "POST",
            "/api/v1/workspaces/" + ICB + "/audits/" + audit + "/links",
            "{\"count\": 5, \"sector\": \"local-authority\"}",
            201);
    assertThat(links.size()).isEqualTo(5);
    for (JsonNode link : links) {
      String survey = "/api/v1/audit-responses/" + link.get("token").asString();
      StringBuilder answers = new StringBuilder();
      for (JsonNode q : api(null, "GET", survey, null, 200).get("questions")) {
        String value =
            switch (q.get("type").asString()) {
              case "scale" -> "4";
              case "choice" -> JSON.writeValueAsString(q.get("options").get(0).asString());
              default -> null;
            };
        if (value != null) {
          answers
              .append(answers.isEmpty() ? "" : ", ")
              .append('"')
              .append(q.get("id").asLong())
              .append("\": ")
              .append(value);
        }
      }
      api(null, "POST", survey, "{\"answers\": {" + answers + "}}", 201);
    }
    page.navigate(url("/workspaces/" + ICB + "/audits/" + audit + "/results"));
    assertThat(page.locator("main").textContent()).contains("Partners' view 2026");
    HeadlessChromium.assertAccessible(page);

    // The plan brings it together, fits a phone and prints without the site's navigation.
    page.navigate(url("/workspaces/" + ICB));
    page.click("#plan-link");
    assertThat(page.locator("h1").textContent()).isEqualTo("The fourth-purpose plan");
    assertThat(page.locator("#plan-questions").textContent())
        .contains("Vacancies in health and care hold back every plan");
    assertThat(page.locator("#propositions").textContent())
        .contains("Health and care jobs academy", "(agreed)", "UK Shared Prosperity Fund");
    assertThat(page.locator("#audit").textContent())
        .contains("Partners' view 2026", "5 partners responded");
    assertThat(page.locator("#plan-summary li").count()).isBetween(4, 7);
    HeadlessChromium.assertAccessible(page);
    page.setViewportSize(320, 800);
    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
        .as(
            "elements wider than the phone: %s",
            page.evaluate(
                "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
                    + " > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.'"
                    + " + e.className).join(' | ')"))
        .isTrue();
    HeadlessChromium.assertAccessible(page);
    page.setViewportSize(1280, 900);
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertThat(page.locator("header.nhsuk-header").isVisible()).isFalse();
    assertThat(page.locator("#publication").isVisible()).isFalse();
    assertThat(page.locator("#propositions").isVisible()).isTrue();
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    assertThat(
            page.request()
                .get(url("/workspaces/" + ICB + "/plan.pdf"))
                .headers()
                .get("content-type"))
        .isEqualTo("application/pdf");
  }

  /**
   * Opens the first theme of the bank still to adopt from (a closed details) and adopts its first.
   */
  private static void adoptFirst(Page page) {
    page.locator("details:has(button[id^=adopt-]) summary").first().click();
    page.locator("button[id^=adopt-]:visible").first().click();
  }

  private void score(Page page, String value) {
    page.navigate(url("/workspaces/" + ICB + "/priorities"));
    Locator selects = page.locator("#my-scores-table select");
    for (int i = 0; i < selects.count(); i++) {
      selects.nth(i).selectOption(value);
    }
    page.click("#save-scores");
  }

  private Account account(String name, WorkspaceRole role) {
    Account account =
        accounts.createAccount(
            name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.org",
            name,
            PASSWORD,
            false);
    accounts.grant(account.id(), ICB, role);
    return account;
  }

  private Page signIn(Account account) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    Page page = context.newPage();
    page.navigate(url("/sign-in"));
    page.fill("#email", account.email());
    page.fill("#password", PASSWORD);
    page.click("button:has-text('Sign in')");
    return page;
  }

  private JsonNode api(String token, String method, String path, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
    return JSON.readTree(response.body());
  }
}
