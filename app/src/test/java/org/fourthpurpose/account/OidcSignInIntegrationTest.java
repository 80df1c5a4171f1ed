package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.LocalAuthorizationServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Signs in through the local OpenID Connect provider over real HTTP, as a browser without
 * JavaScript would: the application's sign-in link, the provider's sign-in form, the code flow back
 * to the application, and the account linking rules at the end of it.
 */
@ApplicationTest
class OidcSignInIntegrationTest {

  static final String PASSWORD = "provider password 1";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired OidcSignIn oidc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  /** Where a sign-in through the provider ended, and the page shown there. */
  record Landing(URI uri, String page) {
    String path() {
      return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    String text() {
      return HtmlUtils.htmlUnescape(page);
    }
  }

  static String email(String hint) {
    return hint + "." + UUID.randomUUID() + "@example.nhs.uk";
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Starts at the application's sign-in link, signs in at the provider, follows it back. */
  Landing signInThroughProvider(HttpClient browser, String username) throws Exception {
    return signInThroughProvider(browser, username, "/oauth2/authorization/oidc");
  }

  Landing signInThroughProvider(HttpClient browser, String username, String start)
      throws Exception {
    HttpResponse<String> providerForm = fetch(browser, url(start));
    assertThat(providerForm.uri().toString())
        .isEqualTo(LocalAuthorizationServer.issuer() + "/login");
    HttpResponse<String> back =
        submit(
            browser,
            providerForm.uri().toString(),
            Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "_csrf",
                csrfToken(providerForm.body())));
    return new Landing(back.uri(), back.body());
  }

  static HttpResponse<String> fetch(HttpClient browser, String uri)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> submit(HttpClient browser, String uri, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String csrfToken(String page) {
    Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    if (!matcher.find()) {
      matcher = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(page);
      assertThat(matcher.find()).as("a CSRF token in " + page).isTrue();
    }
    return matcher.group(1);
  }

  Long linkedAccount(String subject) {
    return jdbc
        .queryForList(
            "select account_id from account_identity where issuer = ? and subject = ?",
            Long.class,
            LocalAuthorizationServer.issuer(),
            subject)
        .stream()
        .findFirst()
        .orElse(null);
  }

  @Test
  void theSignInPageOffersTheProviderAboveTheEmailAndPasswordForm() throws Exception {
    String page = fetch(browser(), url("/sign-in")).body();
    assertThat(page)
        .contains(
            "href=\"/oauth2/authorization/oidc\">Sign in with "
                + LocalAuthorizationServer.NAME
                + "</a>");
    assertThat(page.indexOf("id=\"sign-in-oidc\"")).isLessThan(page.indexOf("id=\"password\""));
  }

  @Test
  void aVerifiedEmailAddressSignsInAsItsAccountAndLinksTheIdentity() throws Exception {
    String email = email("verified");
    Account account = accounts.createAccount(email, "Vera Verified", "local password 42", false);
    String username = LocalAuthorizationServer.newUsername("vera");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email.toUpperCase(), true);

    HttpClient browser = browser();
    Landing landing = signInThroughProvider(browser, username);

    assertThat(landing.path()).isEqualTo("/account");
    assertThat(landing.text()).contains("<h1>Your account</h1>").contains("Vera Verified");
    assertThat(landing.text())
        .containsPattern(
            "With <span>"
                + LocalAuthorizationServer.NAME
                + "</span> as <span>"
                + Pattern.quote(email.toUpperCase())
                + "</span>:\\s+linked on");
    assertThat(linkedAccount(username)).isEqualTo(account.id());
    // The header names the person as after a form sign-in.
    assertThat(landing.page()).contains(email);

    // Their roles work as after a form sign-in: one workspace open, another not.
    accounts.grant(account.id(), "E54000008", WorkspaceRole.VIEWER);
    HttpResponse<String> workspace = fetch(browser, url("/workspaces/E54000008"));
    assertThat(workspace.statusCode()).isEqualTo(200);
    assertThat(workspace.body()).contains("Cheshire and Merseyside");
    assertThat(fetch(browser, url("/workspaces/E54000050")).statusCode()).isEqualTo(403);
  }

  @Test
  void aLinkedIdentitySignsInByItsSubjectAfterTheProviderChangesTheEmailAddress() throws Exception {
    String email = email("moved");
    Account account = accounts.createAccount(email, "Mo Moved", "local password 42", false);
    String username = LocalAuthorizationServer.newUsername("mo");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);
    assertThat(signInThroughProvider(browser(), username).path()).isEqualTo("/account");

    String newEmail = email("renamed");
    LocalAuthorizationServer.changeEmail(username, newEmail, false);
    Landing second = signInThroughProvider(browser(), username);

    assertThat(second.path()).isEqualTo("/account");
    assertThat(second.text()).contains("Mo Moved").contains(newEmail);
    assertThat(linkedAccount(username)).isEqualTo(account.id());
    assertThat(accounts.findByEmail(newEmail)).isEmpty();
  }

  @Test
  void anEmailAddressTheProviderHasNotVerifiedFindsNoAccount() throws Exception {
    String email = email("unverified");
    accounts.createAccount(email, "Una Unverified", "local password 42", false);
    String said = LocalAuthorizationServer.newUsername("una");
    String silent = LocalAuthorizationServer.newUsername("una-silent");
    LocalAuthorizationServer.addPerson(said, PASSWORD, email, false);
    LocalAuthorizationServer.addPerson(silent, PASSWORD, email, null);

    for (String username : new String[] {said, silent}) {
      Landing landing = signInThroughProvider(browser(), username);
      assertThat(landing.path()).isEqualTo("/sign-in?problem");
      assertThat(landing.text())
          .contains(
              LocalAuthorizationServer.NAME
                  + " has not confirmed that the email address "
                  + email
                  + " is yours");
      assertThat(landing.text()).doesNotContain("Una Unverified");
      assertThat(linkedAccount(username)).isNull();
    }
  }

  @Test
  void anEmailAddressWithNoAccountIsRefusedWithTheAddressAndWhatToDo() throws Exception {
    String email = email("stranger");
    String username = LocalAuthorizationServer.newUsername("stranger");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);
    HttpClient browser = browser();

    Landing landing = signInThroughProvider(browser, username);

    assertThat(landing.path()).isEqualTo("/sign-in?problem");
    assertThat(landing.text())
        .contains(
            "No account here uses the email address "
                + email
                + ". Ask your ICS administrator for an invitation.");
    assertThat(accounts.findByEmail(email)).isEmpty();
    assertThat(linkedAccount(username)).isNull();
    // Shown once: a fresh look at the sign-in page has no problem, and the person is not signed in.
    assertThat(fetch(browser, url("/sign-in")).body()).doesNotContain(email);
    assertThat(fetch(browser, url("/account")).uri().getPath()).isEqualTo("/sign-in");
  }

  @Test
  void aDisabledAccountCannotSignInThroughTheProviderEitherBeforeOrAfterLinking() throws Exception {
    String email = email("disabled");
    Account account = accounts.createAccount(email, "Dee Disabled", "local password 42", false);
    String username = LocalAuthorizationServer.newUsername("dee");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);
    jdbc.update("update account set enabled = false where id = ?", account.id());

    Landing unlinked = signInThroughProvider(browser(), username);
    assertThat(unlinked.path()).isEqualTo("/sign-in?problem");
    assertThat(unlinked.text()).contains("Your account has been switched off");
    assertThat(linkedAccount(username)).isNull();

    jdbc.update("update account set enabled = true where id = ?", account.id());
    assertThat(signInThroughProvider(browser(), username).path()).isEqualTo("/account");
    jdbc.update("update account set enabled = false where id = ?", account.id());
    Landing linked = signInThroughProvider(browser(), username);
    assertThat(linked.path()).isEqualTo("/sign-in?problem");
    assertThat(linked.text()).contains("Your account has been switched off");
  }

  @Test
  void aSecondIdentityAtTheSameProviderCannotTakeOverALinkedAccount() throws Exception {
    String email = email("taken");
    Account account = accounts.createAccount(email, "Tam Taken", "local password 42", false);
    String first = LocalAuthorizationServer.newUsername("tam");
    String second = LocalAuthorizationServer.newUsername("impostor");
    LocalAuthorizationServer.addPerson(first, PASSWORD, email, true);
    LocalAuthorizationServer.addPerson(second, PASSWORD, email, true);
    assertThat(signInThroughProvider(browser(), first).path()).isEqualTo("/account");

    Landing landing = signInThroughProvider(browser(), second);

    assertThat(landing.path()).isEqualTo("/sign-in?problem");
    assertThat(landing.text())
        .contains(
            "Your account is already linked to a different "
                + LocalAuthorizationServer.NAME
                + " identity");
    assertThat(linkedAccount(second)).isNull();
    assertThat(linkedAccount(first)).isEqualTo(account.id());

    // A platform administrator removes the old link (the person's account at the provider was
    // replaced, say); then the new identity links on its first sign-in.
    Account admin = accounts.createAccount(email("admin"), "Ada Admin", "local password 42", true);
    String adminPage =
        mvc.perform(get("/admin/accounts").with(user(accounts.userDetails(admin.id()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(HtmlUtils.htmlUnescape(adminPage))
        .contains("Signs in with " + LocalAuthorizationServer.NAME + " as " + email + ".");
    mvc.perform(
            post("/admin/accounts/{id}/identities/remove", account.id())
                .param("issuer", LocalAuthorizationServer.issuer())
                .param("subject", first)
                .with(user(accounts.userDetails(admin.id())))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("message", "Sign-in link removed from " + email));
    assertThat(linkedAccount(first)).isNull();

    assertThat(signInThroughProvider(browser(), second).path()).isEqualTo("/account");
    assertThat(linkedAccount(second)).isEqualTo(account.id());
  }

  @Test
  void aSignInStartedFromAnotherPageContinuesThereButNeverToAnotherSite() throws Exception {
    String email = email("continuing");
    accounts.createAccount(email, "Cal Continuing", "local password 42", false);
    String username = LocalAuthorizationServer.newUsername("cal");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);

    Landing local = signInThroughProvider(browser(), username, oidc.startPath("/about/data?x=1"));
    assertThat(local.path()).isEqualTo("/about/data?x=1");
    assertThat(local.page()).contains(email);

    for (String elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil"}) {
      Landing refused = signInThroughProvider(browser(), username, oidc.startPath(elsewhere));
      assertThat(refused.uri().getHost()).isEqualTo("127.0.0.1");
      assertThat(refused.path()).isEqualTo("/account");
    }
  }

  @Test
  void aPersonRemovesTheirOwnLinkAndOnlyTheirOwn() throws Exception {
    String email = email("own");
    Account account = accounts.createAccount(email, "Oona Own", "local password 42", false);
    Account other = accounts.createAccount(email("other"), "Otto", "local password 42", false);
    String username = LocalAuthorizationServer.newUsername("oona");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);
    assertThat(signInThroughProvider(browser(), username).path()).isEqualTo("/account");

    mvc.perform(
            post("/account/identities/remove")
                .param("issuer", LocalAuthorizationServer.issuer())
                .param("subject", username)
                .with(user(accounts.userDetails(other.id())))
                .with(csrf()))
        .andExpect(flash().attribute("message", "That sign-in link was already removed"));
    assertThat(linkedAccount(username)).isEqualTo(account.id());

    mvc.perform(
            post("/account/identities/remove")
                .param("issuer", LocalAuthorizationServer.issuer())
                .param("subject", username)
                .with(user(accounts.userDetails(account.id())))
                .with(csrf()))
        .andExpect(redirectedUrl("/account#sign-in-methods"))
        .andExpect(flash().attribute("message", "Sign-in link removed"));
    assertThat(linkedAccount(username)).isNull();
  }

  @Test
  void anAccountWithoutAPasswordSignsInThroughTheProviderButNeverWithTheForm() throws Exception {
    String email = email("passwordless");
    Account account = accounts.createAccountWithoutPassword(email, "Pat Passwordless");
    String stored =
        jdbc.queryForObject(
            "select password_hash from account where id = ?", String.class, account.id());
    assertThat(stored).startsWith("{bcrypt}$2a$12$");
    String username = LocalAuthorizationServer.newUsername("pat");
    LocalAuthorizationServer.addPerson(username, PASSWORD, email, true);

    assertThat(signInThroughProvider(browser(), username).text()).contains("Pat Passwordless");

    HttpClient browser = browser();
    String form = fetch(browser, url("/sign-in")).body();
    for (String guess : new String[] {"", "{noop}", stored}) {
      HttpResponse<String> refused =
          submit(
              browser,
              url("/sign-in"),
              Map.of("email", email, "password", guess, "_csrf", csrfToken(form)));
      assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery())
          .isEqualTo("/sign-in?error");
      form = refused.body();
    }
  }
}
