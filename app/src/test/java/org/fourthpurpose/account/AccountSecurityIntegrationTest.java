package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
class AccountSecurityIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired FirstAdministrator firstAdministrator;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder passwords;
  @Autowired SignInThrottle throttle;

  private static String email() {
    return "person-" + UUID.randomUUID() + "@example.org";
  }

  @Test
  void storesPasswordsOnlyAsStrongHashes() {
    String email = email();
    accounts.createAccount(email, "Ada", "correct horse battery", false);
    String stored =
        jdbc.queryForObject(
            "select password_hash from account where email = ?", String.class, email);
    assertThat(stored).startsWith("{bcrypt}$2a$12$").doesNotContain("correct horse");
    assertThat(passwords.matches("correct horse battery", stored)).isTrue();
  }

  @Test
  void refusesShortPasswordsAndDuplicateEmailAddressesAndChangesNothing() {
    String email = email();
    assertThatThrownBy(() -> accounts.createAccount(email, "Ada", "short", false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Password must be 12 characters or more");
    assertThat(accounts.findByEmail(email)).isEmpty();
    accounts.createAccount(email, "Ada", "long enough password", false);
    assertThatThrownBy(
            () ->
                accounts.createAccount(
                    email.toUpperCase(), "Ada 2", "another long password", false))
        .hasMessage("An account with this email address already exists");
  }

  @Test
  void privatePagesSendAnonymousPeopleToSignIn() throws Exception {
    mvc.perform(get("/workspaces/E54000008"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/sign-in"));
    mvc.perform(get("/account")).andExpect(status().is3xxRedirection());
  }

  @Test
  void thePrivateApiNeedsAValidTokenAndAnswersWithProblemJson() throws Exception {
    mvc.perform(get("/api/v1/workspaces/E54000008/anything"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.status").value(401));
    mvc.perform(
            get("/api/v1/workspaces/E54000008/anything")
                .header("Authorization", "Bearer fp_not-a-token"))
        .andExpect(status().isUnauthorized())
        .andExpect(
            jsonPath("$.detail").value("The access token is not valid, or it has been revoked"));
  }

  @Test
  void tokensAuthenticateUntilRevokedAndAreStoredOnlyAsHashes() throws Exception {
    Account admin = accounts.createAccount(email(), "Admin", "long enough password", true);
    IssuedToken token = accounts.createToken(admin.id(), "script");
    assertThat(token.token()).startsWith("fp_").hasSizeGreaterThan(40);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_token where token_hash = ?",
                Integer.class,
                token.token()))
        .isZero();

    // An authenticated request reaches the (absent) handler: 404, not 401.
    mvc.perform(
            get("/api/v1/admin/nothing-here").header("Authorization", "Bearer " + token.token()))
        .andExpect(status().isNotFound());
    assertThat(accounts.tokens(admin.id()).get(0).lastUsedAt()).isNotNull();

    assertThat(accounts.revokeToken(admin.id(), token.id())).isTrue();
    mvc.perform(
            get("/api/v1/admin/nothing-here").header("Authorization", "Bearer " + token.token()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void onlyPlatformAdministratorsReachAdministration() throws Exception {
    Account person = accounts.createAccount(email(), "Person", "long enough password", false);
    IssuedToken token = accounts.createToken(person.id(), "script");
    mvc.perform(
            get("/api/v1/admin/nothing-here").header("Authorization", "Bearer " + token.token()))
        .andExpect(status().isForbidden());
    UserDetails details = accounts.userDetails(person.id());
    mvc.perform(get("/admin/accounts").with(user(details))).andExpect(status().isForbidden());
  }

  @Test
  void workspaceRolesAreCheckedFreshAndIncludeTheRolesBelowThem() {
    Account editor = accounts.createAccount(email(), "Editor", "long enough password", false);
    accounts.grant(editor.id(), "E54000008", WorkspaceRole.EDITOR);
    assertThat(accounts.roleOf(editor.id(), "E54000008")).contains(WorkspaceRole.EDITOR);
    assertThat(accounts.roleOf(editor.id(), "E54000050")).isEmpty();
    assertThat(WorkspaceRole.EDITOR.includes(WorkspaceRole.VIEWER)).isTrue();
    assertThat(WorkspaceRole.VIEWER.includes(WorkspaceRole.EDITOR)).isFalse();
    assertThatThrownBy(() -> accounts.grant(editor.id(), "E54009999", WorkspaceRole.VIEWER))
        .hasMessage("There is no ICS workspace with code E54009999");
    accounts.revoke(editor.id(), "E54000008");
    assertThat(accounts.roleOf(editor.id(), "E54000008")).isEmpty();
  }

  @Test
  void aWorkspaceIsOpenToItsMembersOnly() throws Exception {
    Account viewer = accounts.createAccount(email(), "Viewer", "long enough password", false);
    accounts.grant(viewer.id(), "E54000008", WorkspaceRole.VIEWER);
    UserDetails details = accounts.userDetails(viewer.id());
    mvc.perform(get("/workspaces/E54000008").with(user(details)))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("Cheshire and Merseyside")));
    mvc.perform(get("/workspaces/E54000050").with(user(details))).andExpect(status().isForbidden());
  }

  @Test
  void everyIcsHasAWorkspace() {
    assertThat(jdbc.queryForObject("select count(*) from workspace", Integer.class)).isEqualTo(42);
  }

  @Test
  void aSignedInPersonCreatesAndRevokesTheirOwnTokenThroughTheAccountPage() throws Exception {
    Account person = accounts.createAccount(email(), "Person", "long enough password", false);
    UserDetails details = accounts.userDetails(person.id());
    mvc.perform(
            post("/account/tokens")
                .param("name", "nightly export")
                .with(user(details))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(accounts.tokens(person.id()))
        .singleElement()
        .satisfies(t -> assertThat(t.name()).isEqualTo("nightly export"));
    long id = accounts.tokens(person.id()).get(0).id();
    mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(details)))
        .andExpect(status().isForbidden()); // no CSRF token
    mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(details)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(accounts.tokens(person.id()).get(0).active()).isFalse();
  }

  @Test
  void signsInWithTheFormAndRejectsAWrongPassword() throws Exception {
    String email = email();
    accounts.createAccount(email, "Signer", "long enough password", false);
    mvc.perform(
            post("/sign-in")
                .param("email", email)
                .param("password", "wrong password!!")
                .with(csrf()))
        .andExpect(header().string("Location", "/sign-in?error"));
    mvc.perform(
            post("/sign-in")
                .param("email", email)
                .param("password", "long enough password")
                .with(csrf()))
        .andExpect(header().string("Location", "/account"));
  }

  private org.springframework.test.web.servlet.ResultActions signIn(
      String email, String password, String address) throws Exception {
    return mvc.perform(
        post("/sign-in")
            .param("email", email)
            .param("password", password)
            .with(csrf())
            .with(
                request -> {
                  request.setRemoteAddr(address);
                  return request;
                }));
  }

  @Test
  void aWrongPasswordIsCountedForAnAccountAndAnUnknownEmailAlike() throws Exception {
    String email = email();
    accounts.createAccount(email, "Counted", "long enough password", false);
    String nobody = email();
    signIn(email, "wrong password 1", "10.39.0.1")
        .andExpect(header().string("Location", "/sign-in?error"));
    signIn(nobody, "wrong password 1", "10.39.0.2")
        .andExpect(header().string("Location", "/sign-in?error"));
    assertThat(throttle.failures(email)).isEqualTo(1);
    assertThat(throttle.failures(nobody)).isEqualTo(1);
    signIn(email, "long enough password", "10.39.0.3")
        .andExpect(header().string("Location", "/account"));
    assertThat(throttle.failures(email)).isZero();
  }

  @Test
  void afterTenWrongPasswordsEvenTheRightOneIsRefusedWithoutSayingWhetherTheAccountExists()
      throws Exception {
    String email = email();
    accounts.createAccount(email, "Guessed", "long enough password", false);
    String nobody = email();
    // Ten failures from ten addresses, counted as the sign-in form counts them.
    for (int i = 0; i < 10; i++) {
      throttle.failed(email, "10.40.0." + i);
      throttle.failed(nobody, "10.41.0." + i);
    }
    for (String who : new String[] {email, nobody}) {
      String location =
          signIn(who, "long enough password", "10.40.1.1")
              .andReturn()
              .getResponse()
              .getHeader("Location");
      assertThat(location).isEqualTo("/sign-in?wait=15");
    }
    mvc.perform(get("/sign-in").param("wait", "15"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "There have been too many attempts to sign in. Wait 15 minutes")));
    // Someone else, from another address, signs in as usual.
    String other = email();
    accounts.createAccount(other, "Other", "long enough password", false);
    signIn(other, "long enough password", "10.42.0.1")
        .andExpect(header().string("Location", "/account"));
  }

  @Test
  void theOneTimeSetUpLinkCreatesTheFirstAdministratorOnlyOnce() {
    // Other tests may already have created administrators; remove them to see a first start.
    jdbc.update("delete from account where platform_admin = true");
    String token = firstAdministrator.issueSetupLink();
    assertThat(firstAdministrator.isValidSetupLink(token)).isTrue();
    assertThat(firstAdministrator.isValidSetupLink("guess")).isFalse();
    Account admin =
        firstAdministrator.createFromSetupLink(
            token, email(), "First Admin", "long enough password");
    assertThat(admin.platformAdmin()).isTrue();
    assertThat(firstAdministrator.isValidSetupLink(token)).isFalse();
    assertThatThrownBy(
            () ->
                firstAdministrator.createFromSetupLink(
                    token, email(), "Second", "long enough password"))
        .hasMessage("This set-up link has been used or has expired");
  }
}
