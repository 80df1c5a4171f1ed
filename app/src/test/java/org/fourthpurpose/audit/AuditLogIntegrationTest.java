package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Real actions over HTTP leave exactly the entries they should, and only those who may read an
 * entry see it. Other tests share the database and its chain, so each check looks at the entries
 * recorded after its own start and about its own people.
 */
@ApplicationTest
class AuditLogIntegrationTest {

  static final String WORKSPACE = "E54000008";
  static final String OTHER_WORKSPACE = "E54000050";
  static final String PASSWORD = "long enough password";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;

  private static String email(String who) {
    return who + "-" + UUID.randomUUID() + "@example.org";
  }

  private long head() {
    return jdbc.sql("select last_sequence from audit_chain_head where id = 1")
        .query(Long.class)
        .single();
  }

  /** The entries recorded since {@code after} that name {@code text} as actor or subject. */
  private List<AuditEntry> entriesAbout(long after, String text) {
    return jdbc.sql(
            "select * from audit_entry where sequence_number > ? and (actor like ? or subject like ?)"
                + " order by sequence_number")
        .params(after, "%" + text + "%", "%" + text + "%")
        .query(AuditChain::entry)
        .list();
  }

  private static String name(Account account) {
    return account.email() + " (account " + account.id() + ")";
  }

  private RequestPostProcessor as(Account account) {
    UserDetails details = accounts.userDetails(account.id());
    return user(details);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  /** What the tests compare: every field but the time and the hashes. */
  record Seen(
      String actor, String icbCode, String action, String subject, String before, String after) {
    static Seen of(AuditEntry e) {
      return new Seen(e.actor(), e.icbCode(), e.action(), e.subject(), e.before(), e.after());
    }
  }

  @Test
  void recordsAFailedSignInWithTheEmailTriedThenTheSignInAndTheSignOut() throws Exception {
    String email = email("signer");
    Account signer = accounts.createAccount(email, "Signer", PASSWORD, false);
    long mark = head();

    mvc.perform(
            post("/sign-in")
                .param("email", email.toUpperCase())
                .param("password", "wrong password!!")
                .with(csrf())
                .with(from("10.77.0.1")))
        .andExpect(header().string("Location", "/sign-in?error"));
    MvcResult signedIn =
        mvc.perform(
                post("/sign-in")
                    .param("email", email)
                    .param("password", PASSWORD)
                    .with(csrf())
                    .with(from("10.77.0.2")))
            .andExpect(header().string("Location", "/account"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
    mvc.perform(post("/sign-out").session(session).with(csrf()).with(from("10.77.0.3")))
        .andExpect(status().is3xxRedirection());
    // An address nobody has an account for is recorded in the same words.
    String nobody = email("nobody");
    mvc.perform(
            post("/sign-in")
                .param("email", nobody)
                .param("password", "wrong password!!")
                .with(csrf())
                .with(from("10.77.0.4")))
        .andExpect(header().string("Location", "/sign-in?error"));

    assertThat(entriesAbout(mark, email).stream().map(Seen::of))
        .containsExactly(
            new Seen(
                email,
                null,
                "sign-in.failed",
                "sign-in from 10.77.0.1",
                null,
                "refused: wrong email address or password"),
            new Seen(name(signer), null, "sign-in.succeeded", "sign-in from 10.77.0.2", null, null),
            new Seen(
                name(signer), null, "sign-out.succeeded", "sign-out from 10.77.0.3", null, null));
    assertThat(entriesAbout(mark, nobody).stream().map(Seen::of))
        .containsExactly(
            new Seen(
                nobody,
                null,
                "sign-in.failed",
                "sign-in from 10.77.0.4",
                null,
                "refused: wrong email address or password"));
    // The password tried is nowhere in the log.
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where sequence_number > ? and (subject like"
                        + " '%wrong password%' or after_summary like '%wrong password!!%')")
                .param(mark)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void recordsRolesGrantedChangedAndRevokedByTheAdministratorWithBeforeAndAfter() throws Exception {
    Account admin = accounts.createAccount(email("admin"), "Admin", PASSWORD, true);
    Account person = accounts.createAccount(email("person"), "Person", PASSWORD, false);
    long mark = head();

    for (String role : new String[] {"VIEWER", "EDITOR", "EDITOR", ""}) {
      mvc.perform(
              post("/admin/accounts/" + person.id() + "/roles")
                  .param("icbCode", WORKSPACE)
                  .param("role", role)
                  .with(as(admin))
                  .with(csrf()))
          .andExpect(status().is3xxRedirection());
    }

    String subject = name(person) + " in " + WORKSPACE;
    // Setting the role a person already has changes nothing and records nothing.
    assertThat(entriesAbout(mark, person.email()).stream().map(Seen::of))
        .containsExactly(
            new Seen(name(admin), WORKSPACE, "role.granted", subject, null, "viewer"),
            new Seen(name(admin), WORKSPACE, "role.changed", subject, "viewer", "editor"),
            new Seen(name(admin), WORKSPACE, "role.revoked", subject, "editor", null));
  }

  @Test
  void recordsAccountsAndTokensButNeverTheTokenItself() throws Exception {
    Account admin = accounts.createAccount(email("admin"), "Admin", PASSWORD, true);
    long mark = head();
    String email = email("new");
    // The platform administrator invites; the person sets their own password from the link.
    String link =
        (String)
            mvc.perform(
                    post("/workspaces/" + WORKSPACE + "/invitations")
                        .param("email", email)
                        .param("role", "VIEWER")
                        .with(as(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("invitationLink");
    mvc.perform(
            post(link.substring(link.indexOf("/invitations/")))
                .param("name", "New Person")
                .param("password", PASSWORD)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    Account created = accounts.findByEmail(email).orElseThrow();
    MvcResult tokenMade =
        mvc.perform(
                post("/account/tokens")
                    .param("name", "nightly export")
                    .with(as(created))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String token = (String) tokenMade.getFlashMap().get("newToken");
    long tokenId = accounts.tokens(created.id()).get(0).id();
    mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(as(created)).with(csrf()))
        .andExpect(status().is3xxRedirection());

    String tokenName = "token " + tokenId + " 'nightly export' of " + name(created);
    // (The invitation's own entries are checked in InvitationsIntegrationTest.)
    assertThat(
            entriesAbout(mark, email).stream()
                .filter(e -> !e.action().startsWith("invitation."))
                .map(Seen::of))
        .containsExactly(
            new Seen("anonymous", null, "account.created", name(created), null, "New Person"),
            new Seen(
                "anonymous",
                WORKSPACE,
                "role.granted",
                name(created) + " in " + WORKSPACE,
                null,
                "viewer"),
            new Seen(name(created), null, "token.created", tokenName, null, "active"),
            new Seen(name(created), null, "token.revoked", tokenName, "active", "revoked"));
    assertThat(token).startsWith("fp_");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where subject like ? or after_summary like ?"
                        + " or before_summary like ?")
                .params(
                    "%" + token.substring(3, 20) + "%",
                    "%" + token.substring(3, 20) + "%",
                    "%" + token.substring(3, 20) + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void recordsAGroupSavedPublishedAndDeletedInItsWorkspace() throws Exception {
    Account editor = accounts.createAccount(email("editor"), "Editor", PASSWORD, false);
    accounts.grant(editor.id(), WORKSPACE, WorkspaceRole.EDITOR);
    String groupName = "Audit group " + UUID.randomUUID();
    long mark = head();

    MvcResult saved =
        mvc.perform(
                post("/workspaces/QYG/groups")
                    .param("name", groupName)
                    .param("kind", "GEOGRAPHIC")
                    .param("members", "E54000050", "E54000008")
                    .with(as(editor))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    long id = Long.parseLong(saved.getResponse().getRedirectedUrl().replace("/groups/", ""));
    mvc.perform(
            post("/workspaces/" + WORKSPACE + "/groups/" + id + "/publish")
                .param("published", "true")
                .with(as(editor))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/workspaces/" + WORKSPACE + "/groups/" + id + "/delete")
                .with(as(editor))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    String subject = "group " + id + " '" + groupName + "'";
    // The ODS code in the address is recorded as the workspace's ONS code.
    assertThat(entriesAbout(mark, groupName).stream().map(Seen::of))
        .containsExactly(
            new Seen(
                name(editor),
                WORKSPACE,
                "group.created",
                subject,
                null,
                "geographic, members E54000008 E54000050, within the workspace"),
            new Seen(
                name(editor),
                WORKSPACE,
                "group.published",
                subject,
                "within the workspace",
                "published"),
            new Seen(
                name(editor),
                WORKSPACE,
                "group.deleted",
                subject,
                "geographic, members E54000008 E54000050, published",
                null));
  }

  @Test
  void recordsAnAcceptedAndARejectedImportAsTheEditorWhoSentThem() throws Exception {
    String workspace = "E54000051";
    Account editor = accounts.createAccount(email("importer"), "Importer", PASSWORD, false);
    accounts.grant(editor.id(), workspace, WorkspaceRole.EDITOR);
    String token = accounts.createToken(editor.id(), "imports").token();
    String header = "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n";
    // A value of its own, so the file is new whatever ran before.
    int value = 50 + new java.util.Random().nextInt(40);
    long mark = head();

    String accepted =
        mvc.perform(
                post("/api/v1/workspaces/" + workspace + "/indicators/imports")
                    .header("Authorization", "Bearer " + token)
                    .contentType("text/csv")
                    .content(header + "employment-rate,E54000051,2019," + value + ".25,,,,\n"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long acceptedId = Long.parseLong(accepted.replaceAll(".*\"id\":(\\d+).*", "$1"));
    mvc.perform(
            post("/api/v1/workspaces/" + workspace + "/indicators/imports")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(header + "employment-rate,E54000051,2019,seventy,,,,\n"))
        .andExpect(status().isBadRequest());
    long rejectedId =
        jdbc.sql("select max(id) from indicator_import where workspace_icb_code = ?")
            .param(workspace)
            .query(Long.class)
            .single();

    List<AuditEntry> entries =
        entriesAbout(mark, "of 'upload.csv' (Tidy CSV)").stream()
            .filter(e -> e.actor().equals(name(editor)))
            .toList();
    assertThat(entries).hasSize(2);
    // The import ran on a job's thread, yet the entry names the editor who sent it.
    assertThat(Seen.of(entries.get(0)))
        .isEqualTo(
            new Seen(
                name(editor),
                workspace,
                "import.accepted",
                "import " + acceptedId + " of 'upload.csv' (Tidy CSV)",
                null,
                entries.get(0).after()));
    assertThat(entries.get(0).after()).matches("1 row stored, \\d+ earlier values? replaced");
    assertThat(Seen.of(entries.get(1)))
        .isEqualTo(
            new Seen(
                name(editor),
                workspace,
                "import.rejected",
                "import " + rejectedId + " of 'upload.csv' (Tidy CSV)",
                null,
                entries.get(1).after()));
    assertThat(entries.get(1).after()).startsWith("1 problem; the first: line 2: ");
  }

  @Test
  void recordsARoundOpenedAndClosedByTheIcsAdministrator() throws Exception {
    Account icsAdmin = accounts.createAccount(email("icsadmin"), "ICS Admin", PASSWORD, false);
    accounts.grant(icsAdmin.id(), WORKSPACE, WorkspaceRole.ICS_ADMIN);
    String token = accounts.createToken(icsAdmin.id(), "maturity").token();
    String round = "Audit " + UUID.randomUUID().toString().substring(0, 8);
    long mark = head();

    String opened =
        mvc.perform(
                post("/api/v1/workspaces/" + WORKSPACE + "/maturity/rounds")
                    .header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .content("{\"name\":\"" + round + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = Long.parseLong(opened.replaceAll(".*\"id\":(\\d+).*", "$1"));
    mvc.perform(
            post("/api/v1/workspaces/" + WORKSPACE + "/maturity/rounds/" + id + "/close")
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    List<AuditEntry> entries = entriesAbout(mark, round);
    assertThat(entries.stream().map(Seen::of))
        .containsExactly(
            new Seen(
                name(icsAdmin),
                WORKSPACE,
                "round.opened",
                "round " + id + " '" + round + "'",
                null,
                entries.get(0).after()),
            new Seen(
                name(icsAdmin),
                WORKSPACE,
                "round.closed",
                "round " + id + " '" + round + "'",
                "open",
                "closed"));
    assertThat(entries.get(0).after()).matches("open, framework version \\S+, \\d+ areas");
  }

  @Test
  void anIcsAdministratorReadsTheirWorkspacesEntriesOnlyAndOthersAreRefused() throws Exception {
    Account icsAdmin = accounts.createAccount(email("icsadmin"), "ICS Admin", PASSWORD, false);
    accounts.grant(icsAdmin.id(), WORKSPACE, WorkspaceRole.ICS_ADMIN);
    Account editor = accounts.createAccount(email("editor"), "Editor", PASSWORD, false);
    accounts.grant(editor.id(), WORKSPACE, WorkspaceRole.EDITOR);
    Account viewer = accounts.createAccount(email("viewer"), "Viewer", PASSWORD, false);
    accounts.grant(viewer.id(), WORKSPACE, WorkspaceRole.VIEWER);
    // Something in another workspace, and a platform-wide event, neither of which they may see.
    Account elsewhere = accounts.createAccount(email("elsewhere"), "Elsewhere", PASSWORD, false);
    accounts.grant(elsewhere.id(), OTHER_WORKSPACE, WorkspaceRole.VIEWER);

    mvc.perform(get("/workspaces/" + WORKSPACE + "/audit").with(as(icsAdmin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Audit log")))
        .andExpect(content().string(containsString(name(viewer) + " in " + WORKSPACE)))
        .andExpect(content().string(not(containsString(elsewhere.email()))))
        .andExpect(content().string(not(containsString("account.created"))));
    // The ODS code reaches the same workspace.
    mvc.perform(get("/workspaces/QYG/audit").with(as(icsAdmin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name(viewer) + " in " + WORKSPACE)));
    mvc.perform(get("/workspaces/" + OTHER_WORKSPACE + "/audit").with(as(icsAdmin)))
        .andExpect(status().isForbidden());
    for (Account refused : List.of(editor, viewer)) {
      mvc.perform(get("/workspaces/" + WORKSPACE + "/audit").with(as(refused)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/workspaces/" + WORKSPACE + "/audit.csv").with(as(refused)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/admin/audit").with(as(refused))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/admin/audit").with(as(icsAdmin))).andExpect(status().isForbidden());
    mvc.perform(get("/workspaces/" + WORKSPACE + "/audit")).andExpect(status().is3xxRedirection());

    // The workspace page links to the log for those who may read it only.
    mvc.perform(get("/workspaces/" + WORKSPACE).with(as(icsAdmin)))
        .andExpect(content().string(containsString("/workspaces/" + WORKSPACE + "/audit\"")));
    mvc.perform(get("/workspaces/" + WORKSPACE).with(as(editor)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("/workspaces/" + WORKSPACE + "/audit\""))));
  }

  @Test
  void theApiGivesAWorkspacesEntriesToItsIcsAdministratorsTokens() throws Exception {
    Account icsAdmin = accounts.createAccount(email("icsadmin"), "ICS Admin", PASSWORD, false);
    accounts.grant(icsAdmin.id(), WORKSPACE, WorkspaceRole.ICS_ADMIN);
    // More role changes than a page of five holds, the editor's the newest.
    for (int i = 0; i < 5; i++) {
      Account viewer = accounts.createAccount(email("viewer"), "Viewer", PASSWORD, false);
      accounts.grant(viewer.id(), WORKSPACE, WorkspaceRole.VIEWER);
    }
    Account editor = accounts.createAccount(email("editor"), "Editor", PASSWORD, false);
    accounts.grant(editor.id(), WORKSPACE, WorkspaceRole.EDITOR);
    String adminToken = accounts.createToken(icsAdmin.id(), "audit").token();
    String editorToken = accounts.createToken(editor.id(), "audit").token();
    Account platformAdmin = accounts.createAccount(email("platform"), "Platform", PASSWORD, true);
    String platformToken = accounts.createToken(platformAdmin.id(), "audit").token();

    mvc.perform(
            get("/api/v1/workspaces/QYG/audit")
                .param("action", "role")
                .param("size", "5")
                .header("Authorization", "Bearer " + adminToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.more").value(true))
        .andExpect(jsonPath("$.entries.length()").value(5))
        .andExpect(jsonPath("$.entries[0].icbCode").value(WORKSPACE))
        .andExpect(jsonPath("$.entries[0].action").value("role.granted"))
        .andExpect(jsonPath("$.entries[0].subject").value(name(editor) + " in " + WORKSPACE))
        .andExpect(jsonPath("$.entries[0].after").value("editor"))
        .andExpect(
            jsonPath("$.entries[0].entryHash")
                .value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
        .andExpect(
            jsonPath(
                "$.entries[*].icbCode",
                org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(WORKSPACE))));
    mvc.perform(
            get("/api/v1/workspaces/" + WORKSPACE + "/audit")
                .header("Authorization", "Bearer " + editorToken))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/workspaces/" + WORKSPACE + "/audit")
                .param("from", "2026-13-01")
                .header("Authorization", "Bearer " + adminToken))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"));
    mvc.perform(
            get("/api/v1/admin/audit/verification").header("Authorization", "Bearer " + adminToken))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/admin/audit")
                .param("workspace", "none")
                .param("action", "token.created")
                .param("size", "1")
                .header("Authorization", "Bearer " + platformToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.entries[0].icbCode").doesNotExist())
        .andExpect(
            jsonPath("$.entries[0].subject").value(org.hamcrest.Matchers.startsWith("token ")))
        // Made by the service directly, with no one signed in: the system's doing.
        .andExpect(jsonPath("$.entries[0].actor").value("system"))
        .andExpect(
            jsonPath("$.entries[0].subject")
                .value(org.hamcrest.Matchers.endsWith("'audit' of " + name(platformAdmin))));
  }

  @Test
  void exportsTheFilteredEntriesAsCsvWithHashesThatCanBeWorkedOutAgainFromTheRow()
      throws Exception {
    Account icsAdmin = accounts.createAccount(email("icsadmin"), "ICS Admin", PASSWORD, false);
    accounts.grant(icsAdmin.id(), WORKSPACE, WorkspaceRole.ICS_ADMIN);
    // An address a spreadsheet would run as a formula: defused when recorded, so the export shows
    // exactly what was hashed.
    Account editor = accounts.createAccount("=" + email("editor"), "Editor", PASSWORD, false);
    accounts.grant(editor.id(), WORKSPACE, WorkspaceRole.EDITOR);
    String groupName = "Exported group " + UUID.randomUUID();
    mvc.perform(
            post("/workspaces/" + WORKSPACE + "/groups")
                .param("name", groupName)
                .param("kind", "GEOGRAPHIC")
                .param("members", "E54000008", "E54000050")
                .with(as(editor))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    MvcResult csv =
        mvc.perform(get("/workspaces/QYG/audit.csv").param("action", "group").with(as(icsAdmin)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"audit-log-" + WORKSPACE + ".csv\""))
            .andReturn();
    List<CsvRecord> rows = new ArrayList<>();
    try (CsvReader reader =
        new CsvReader(
            new StringReader(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)))) {
      for (var row = reader.next(); row.isPresent(); row = reader.next()) {
        rows.add(row.get());
      }
    }
    assertThat(rows.get(0).fields())
        .containsExactly(
            "sequence",
            "occurredAt",
            "actor",
            "icbCode",
            "action",
            "subject",
            "before",
            "after",
            "previousHash",
            "entryHash");
    CsvRecord ours =
        rows.stream().filter(r -> r.field(5).contains(groupName)).findFirst().orElseThrow();
    assertThat(ours.fields().subList(2, 8))
        .containsExactly(
            "'" + name(editor),
            WORKSPACE,
            "group.created",
            ours.field(5),
            "",
            "geographic, members E54000008 E54000050, within the workspace");
    assertThat(ours.field(5)).matches("group \\d+ '" + groupName + "'");
    assertThat(ours.field(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    // Only group entries of this workspace, newest first.
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(
            r -> {
              assertThat(r.field(3)).isEqualTo(WORKSPACE);
              assertThat(r.field(4)).startsWith("group.");
            });
    assertThat(rows.get(1)).isEqualTo(ours);
    // The row alone gives its hash.
    assertThat(
            AuditHash.of(
                Long.parseLong(ours.field(0)),
                java.time.Instant.parse(ours.field(1)),
                ours.field(2),
                ours.field(3),
                ours.field(4),
                ours.field(5),
                ours.field(6).isEmpty() ? null : ours.field(6),
                ours.field(7),
                ours.field(8)))
        .isEqualTo(ours.field(9));
  }

  @Test
  void platformAdministratorsReadEveryEntryFilterByWorkspaceAndCheckTheChain() throws Exception {
    Account admin = accounts.createAccount(email("admin"), "Admin", PASSWORD, true);
    Account person = accounts.createAccount(email("person"), "Person", PASSWORD, false);
    accounts.grant(person.id(), OTHER_WORKSPACE, WorkspaceRole.VIEWER);

    mvc.perform(get("/admin/audit").param("workspace", "none").with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name(person))))
        .andExpect(content().string(containsString("account.created")))
        .andExpect(content().string(not(containsString("role.granted"))));
    mvc.perform(get("/admin/audit").param("workspace", OTHER_WORKSPACE).with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name(person) + " in " + OTHER_WORKSPACE)))
        .andExpect(content().string(not(containsString("account.created"))));
    mvc.perform(get("/admin/audit").param("from", "yesterday").with(as(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Enter the day as year-month-day")));
    mvc.perform(get("/admin/audit/verification").with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The chain is intact")));
    mvc.perform(get("/account").with(as(admin)))
        .andExpect(content().string(containsString("/admin/audit")));
  }
}
