package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Invitations by email to a workspace role, and an ICS administrator managing its people. */
@ApplicationTest
class InvitationsIntegrationTest {

  /** Devon: no other test gives roles there. */
  static final String ICS = "E54000037";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  Account admin;
  RequestPostProcessor asAdmin;

  @BeforeEach
  void anIcsAdministrator() {
    admin = account("Ada Admin");
    accounts.grant(admin.id(), ICS, WorkspaceRole.ICS_ADMIN);
    asAdmin = user(accounts.userDetails(admin.id()));
  }

  private Account account(String name) {
    return accounts.createAccount(
        "person-" + UUID.randomUUID() + "@example.org", name, "correct horse battery", false);
  }

  private static String newEmail() {
    return "invited-" + UUID.randomUUID() + "@example.org";
  }

  /** Invites as the administrator and returns the link the page shows (no SMTP in tests). */
  private String invite(String email, String role) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/workspaces/" + ICS + "/invitations")
                    .with(asAdmin)
                    .with(csrf())
                    .param("email", email)
                    .param("role", role))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/workspaces/" + ICS + "/members"))
            .andReturn();
    assertThat(result.getFlashMap().get("delivery")).isEqualTo("NOT_CONFIGURED");
    String link = (String) result.getFlashMap().get("invitationLink");
    assertThat(link).matches("http://localhost(:\\d+)?/invitations/[A-Za-z0-9_-]{43}");
    return link.substring(link.indexOf("/invitations/"));
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    var request = get(path);
    if (who != null) {
      request.with(who);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String roleOf(String email) {
    return jdbc
        .query(
            "select m.role from workspace_member m join account a on a.id = m.account_id"
                + " where a.email = ? and m.icb_code = ?",
            (rs, n) -> rs.getString(1),
            email,
            ICS)
        .stream()
        .findFirst()
        .orElse(null);
  }

  @Test
  void anInvitedPersonSetsTheirOwnPasswordJoinsWithTheRoleAndIsSignedIn() throws Exception {
    String email = newEmail();
    String link = invite(email, "EDITOR");
    String token = link.substring("/invitations/".length());

    // Only the hash of the link's secret is stored.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from account_invitation where token_hash = ?",
                Integer.class,
                AccountService.sha256(token)))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from account_invitation where token_hash = ?",
                Integer.class,
                token))
        .isZero();

    String members = page("/workspaces/" + ICS + "/members", asAdmin);
    assertThat(members).contains(email).contains("Invitations waiting to be accepted");

    String invitation = page(link, null);
    assertThat(invitation)
        .contains("Join Devon")
        .contains("as\n      <strong>an editor</strong>")
        .contains("Create your account");

    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post(link)
                .session(session)
                .with(csrf())
                .param("name", "Grace Hopper")
                .param("password", "nanoseconds on a wire"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/workspaces/" + ICS));

    Account grace = accounts.findByEmail(email).orElseThrow();
    assertThat(grace.displayName()).isEqualTo("Grace Hopper");
    assertThat(roleOf(email)).isEqualTo("EDITOR");
    SecurityContext context =
        (SecurityContext)
            session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    assertThat(((SignedInUser) context.getAuthentication().getPrincipal()).account().email())
        .isEqualTo(email);
    assertThat(
            mvc.perform(get("/workspaces/" + ICS).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("<strong id=\"your-role\">editor</strong>");

    // The audit log has the invitation and its acceptance, never the link.
    assertThat(
            jdbc.queryForList(
                "select action || ' | ' || actor || ' | ' || coalesce(before_summary, '') || ' | '"
                    + " || after_summary from audit_entry where icb_code = ? and subject = ?"
                    + " order by sequence_number",
                String.class,
                ICS,
                email))
        .hasSize(2)
        .satisfies(
            entries -> {
              assertThat(entries.get(0))
                  .startsWith(
                      "invitation.sent | "
                          + admin.email()
                          + " (account "
                          + admin.id()
                          + ") |  | editor, link works until ");
              assertThat(entries.get(1))
                  .isEqualTo(
                      "invitation.accepted | anonymous | invited as editor | joined as "
                          + email
                          + " (account "
                          + grace.id()
                          + ")");
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where subject like ? or after_summary like ?",
                Integer.class,
                "%" + token + "%",
                "%" + token + "%"))
        .isZero();

    // The link works once.
    assertThat(page(link, null)).contains("This invitation has already been accepted.");
    mvc.perform(
            post(link)
                .with(csrf())
                .param("name", "Mallory")
                .param("password", "another long phrase"))
        .andExpect(status().isOk());
    assertThat(accounts.findByEmail(email).orElseThrow().displayName()).isEqualTo("Grace Hopper");
    assertThat(
            jdbc.queryForObject(
                "select accepted_by from account_invitation where token_hash = ?",
                Long.class,
                AccountService.sha256(token)))
        .isEqualTo(grace.id());
  }

  @Test
  void aWeakPasswordIsRefusedAndNothingIsCreatedUntilAGoodOne() throws Exception {
    String email = newEmail();
    String link = invite(email, "VIEWER");
    String page =
        mvc.perform(post(link).with(csrf()).param("name", "Weak").param("password", "password1234"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("There is a problem");
    assertThat(accounts.findByEmail(email)).isEmpty();
    assertThat(roleOf(email)).isNull();
    mvc.perform(
            post(link)
                .with(csrf())
                .param("name", "Strong")
                .param("password", "plum kettle orbit fern"))
        .andExpect(status().is3xxRedirection());
    assertThat(roleOf(email)).isEqualTo("VIEWER");
  }

  @Test
  void someoneWithAnAccountSignsInToAcceptAndNobodyElseCanUseTheirLink() throws Exception {
    Account existing = account("Existing Person");
    String link = invite(existing.email(), "VIEWER");

    assertThat(page(link, null))
        .contains("There is already an account with this email address")
        .doesNotContain("Create your account");
    mvc.perform(get(link + "/accept"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/sign-in"));

    Account other = account("Someone Else");
    RequestPostProcessor asOther = user(accounts.userDetails(other.id()));
    assertThat(page(link, asOther)).contains("This invitation is for someone else");
    mvc.perform(post(link + "/accept").with(asOther).with(csrf())).andExpect(status().isOk());
    assertThat(roleOf(other.email())).isNull();
    assertThat(roleOf(existing.email())).isNull();

    RequestPostProcessor asExisting = user(accounts.userDetails(existing.id()));
    assertThat(page(link, asExisting)).contains("Accept the invitation");
    mvc.perform(post(link + "/accept").with(asExisting).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/workspaces/" + ICS));
    assertThat(roleOf(existing.email())).isEqualTo("VIEWER");
  }

  @Test
  void expiredWithdrawnAndUnknownLinksSayWhyAndGrantNothing() throws Exception {
    String email = newEmail();
    String link = invite(email, "EDITOR");
    String token = link.substring("/invitations/".length());
    jdbc.update(
        "update account_invitation set expires_at = ? where token_hash = ?",
        Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)),
        AccountService.sha256(token));
    assertThat(page(link, null)).contains("This invitation has expired.");
    mvc.perform(
            post(link)
                .with(csrf())
                .param("name", "Late")
                .param("password", "plum kettle orbit fern"))
        .andExpect(status().isOk());
    assertThat(accounts.findByEmail(email)).isEmpty();
    assertThat(page("/workspaces/" + ICS + "/members", asAdmin)).doesNotContain(email);

    String again = invite(email, "VIEWER");
    long id =
        jdbc.queryForObject(
            "select id from account_invitation where token_hash = ?",
            Long.class,
            AccountService.sha256(again.substring("/invitations/".length())));
    mvc.perform(
            post("/workspaces/" + ICS + "/invitations/" + id + "/withdraw")
                .with(asAdmin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page(again, null)).contains("This invitation was withdrawn.");

    mvc.perform(get("/invitations/" + "x".repeat(43))).andExpect(status().isNotFound());
    mvc.perform(get("/invitations/short")).andExpect(status().isNotFound());
  }

  @Test
  void invitingAgainWithdrawsTheEarlierLink() throws Exception {
    String email = newEmail();
    String first = invite(email, "VIEWER");
    String second = invite(email, "EDITOR");
    assertThat(page(first, null)).contains("This invitation was withdrawn.");
    assertThat(page(second, null)).contains("<strong>an editor</strong>");
  }

  @Test
  void badInvitationsAreRefusedWithAMessageAndStoreNothing() throws Exception {
    int before = jdbc.queryForObject("select count(*) from account_invitation", Integer.class);
    String page =
        mvc.perform(
                post("/workspaces/" + ICS + "/invitations")
                    .with(asAdmin)
                    .with(csrf())
                    .param("email", "not an email")
                    .param("role", "VIEWER"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Enter an email address in the correct format");
    page =
        mvc.perform(
                post("/workspaces/" + ICS + "/invitations")
                    .with(asAdmin)
                    .with(csrf())
                    .param("email", newEmail())
                    .param("role", "OWNER"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Choose a role");
    assertThat(jdbc.queryForObject("select count(*) from account_invitation", Integer.class))
        .isEqualTo(before);
  }

  @Test
  void onlyTheWorkspacesAdministratorsManageItsPeople() throws Exception {
    Account editor = account("Eddie Editor");
    accounts.grant(editor.id(), ICS, WorkspaceRole.EDITOR);
    RequestPostProcessor asEditor = user(accounts.userDetails(editor.id()));
    Account elsewhere = account("Elsewhere Admin");
    accounts.grant(elsewhere.id(), "E54000036", WorkspaceRole.ICS_ADMIN);
    RequestPostProcessor asElsewhere = user(accounts.userDetails(elsewhere.id()));

    for (RequestPostProcessor who : new RequestPostProcessor[] {asEditor, asElsewhere}) {
      mvc.perform(get("/workspaces/" + ICS + "/members").with(who))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/workspaces/" + ICS + "/invitations")
                  .with(who)
                  .with(csrf())
                  .param("email", newEmail())
                  .param("role", "ICS_ADMIN"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/workspaces/" + ICS + "/members/" + editor.id())
                  .with(who)
                  .with(csrf())
                  .param("role", "ICS_ADMIN"))
          .andExpect(status().isForbidden());
    }
    assertThat(roleOf(editor.email())).isEqualTo("EDITOR");
    assertThat(page("/workspaces/" + ICS, asEditor)).doesNotContain("People with access");
    assertThat(page("/workspaces/" + ICS, asAdmin)).contains("People with access");
  }

  @Test
  void anAdministratorChangesAndRemovesRolesButNeverTheLastAdministrator() throws Exception {
    Account viewer = account("Vera Viewer");
    accounts.grant(viewer.id(), ICS, WorkspaceRole.VIEWER);
    mvc.perform(
            post("/workspaces/" + ICS + "/members/" + viewer.id())
                .with(asAdmin)
                .with(csrf())
                .param("role", "EDITOR"))
        .andExpect(status().is3xxRedirection());
    assertThat(roleOf(viewer.email())).isEqualTo("EDITOR");
    mvc.perform(
            post("/workspaces/" + ICS + "/members/" + viewer.id())
                .with(asAdmin)
                .with(csrf())
                .param("role", "NONE"))
        .andExpect(status().is3xxRedirection());
    assertThat(roleOf(viewer.email())).isNull();
    mvc.perform(
            post("/workspaces/" + ICS + "/members/" + viewer.id())
                .with(asAdmin)
                .with(csrf())
                .param("role", "EDITOR"))
        .andExpect(status().isNotFound());

    // Take away every other administrator's role here, so this one is the last.
    jdbc.update(
        "delete from workspace_member where icb_code = ? and role = 'ICS_ADMIN' and account_id <> ?",
        ICS,
        admin.id());
    String page =
        mvc.perform(
                post("/workspaces/" + ICS + "/members/" + admin.id())
                    .with(asAdmin)
                    .with(csrf())
                    .param("role", "VIEWER"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Ada Admin is this workspace&#39;s only ICS administrator.");
    assertThat(roleOf(admin.email())).isEqualTo("ICS_ADMIN");
  }
}
