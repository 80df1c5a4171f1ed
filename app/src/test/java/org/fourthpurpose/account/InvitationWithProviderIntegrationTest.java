package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.LocalAuthorizationServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An invited person joins with their organisation's OpenID Connect account instead of a password
 * (here the local authorization server the tests start), or signs in with it to accept.
 */
@ApplicationTest
class InvitationWithProviderIntegrationTest {

  /** Dorset: no other test gives roles there. */
  static final String ICS = "E54000041";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  Account admin;

  @BeforeEach
  void anIcsAdministrator() {
    admin =
        accounts.createAccount(
            "dorset.admin." + UUID.randomUUID() + "@example.org",
            "Dee Admin",
            "correct horse battery",
            false);
    accounts.grant(admin.id(), ICS, WorkspaceRole.ICS_ADMIN);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String invite(String email, String role) throws Exception {
    String link =
        (String)
            mvc.perform(
                    post("/workspaces/" + ICS + "/invitations")
                        .with(user(accounts.userDetails(admin.id())))
                        .with(csrf())
                        .param("email", email)
                        .param("role", role))
                .andReturn()
                .getFlashMap()
                .get("invitationLink");
    return link.substring(link.indexOf("/invitations/"));
  }

  /** Signs in at the provider's own form, to which the browser has just been sent. */
  static HttpResponse<String> signInAtProvider(
      HttpClient browser, HttpResponse<String> providerForm, String username) throws Exception {
    assertThat(providerForm.uri().toString())
        .isEqualTo(LocalAuthorizationServer.issuer() + "/login");
    return OidcSignInIntegrationTest.submit(
        browser,
        providerForm.uri().toString(),
        Map.of(
            "username",
            username,
            "password",
            OidcSignInIntegrationTest.PASSWORD,
            "_csrf",
            OidcSignInIntegrationTest.csrfToken(providerForm.body())));
  }

  String roleOf(String email) {
    return jdbc
        .queryForList(
            "select m.role from workspace_member m join account a on a.id = m.account_id"
                + " where a.email = ? and m.icb_code = ?",
            String.class,
            email,
            ICS)
        .stream()
        .findFirst()
        .orElse(null);
  }

  @Test
  void anInvitedPersonJoinsWithTheProviderAndHasNoPassword() throws Exception {
    String email = "dorset.editor." + UUID.randomUUID() + "@example.nhs.uk";
    String link = invite(email, "EDITOR");
    String username = LocalAuthorizationServer.newUsername("dorset");
    LocalAuthorizationServer.addPerson(username, OidcSignInIntegrationTest.PASSWORD, email, true);

    HttpClient browser = OidcSignInIntegrationTest.browser();
    HttpResponse<String> page = OidcSignInIntegrationTest.fetch(browser, url(link));
    assertThat(page.body()).contains("Or sign in with " + LocalAuthorizationServer.NAME);
    HttpResponse<String> providerForm =
        OidcSignInIntegrationTest.submit(
            browser,
            url(link + "/provider"),
            Map.of(
                "name", "Dana Editor", "_csrf", OidcSignInIntegrationTest.csrfToken(page.body())));
    HttpResponse<String> landed = signInAtProvider(browser, providerForm, username);

    assertThat(landed.uri().getPath()).isEqualTo("/workspaces/" + ICS);
    assertThat(landed.body()).contains("<strong id=\"your-role\">editor</strong>");
    Account account = accounts.findByEmail(email).orElseThrow();
    assertThat(account.displayName()).isEqualTo("Dana Editor");
    assertThat(roleOf(email)).isEqualTo("EDITOR");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from account_identity where account_id = ?",
                Integer.class,
                account.id()))
        .isEqualTo(1);
    // No password signs in as this account.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> accounts.createAccount(email, "Again", "correct horse battery", false))
        .hasMessage("An account with this email address already exists");
  }

  @Test
  void someoneWithAnAccountSignsInWithTheProviderToAccept() throws Exception {
    String email = "dorset.viewer." + UUID.randomUUID() + "@example.nhs.uk";
    accounts.createAccount(email, "Vic Viewer", "correct horse battery", false);
    String link = invite(email, "VIEWER");
    String username = LocalAuthorizationServer.newUsername("vic");
    LocalAuthorizationServer.addPerson(username, OidcSignInIntegrationTest.PASSWORD, email, true);

    HttpClient browser = OidcSignInIntegrationTest.browser();
    HttpResponse<String> page = OidcSignInIntegrationTest.fetch(browser, url(link));
    assertThat(page.body())
        .contains("Sign in with " + LocalAuthorizationServer.NAME + " to accept");
    String start = "/oauth2/authorization/oidc?continue=" + link.replace("/", "%2F");
    assertThat(page.body()).contains("href=\"" + start + "\" id=\"provider-sign-in-to-accept\"");
    HttpResponse<String> providerForm = OidcSignInIntegrationTest.fetch(browser, url(start));
    HttpResponse<String> back = signInAtProvider(browser, providerForm, username);
    assertThat(back.uri().getPath()).isEqualTo(link);
    assertThat(back.body()).contains("Accept the invitation");
    HttpResponse<String> accepted =
        OidcSignInIntegrationTest.submit(
            browser,
            url(link + "/accept"),
            Map.of("_csrf", OidcSignInIntegrationTest.csrfToken(back.body())));
    assertThat(accepted.uri().getPath()).isEqualTo("/workspaces/" + ICS);
    assertThat(roleOf(email)).isEqualTo("VIEWER");
  }
}
