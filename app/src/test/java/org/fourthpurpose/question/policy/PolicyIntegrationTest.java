package org.fourthpurpose.question.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The policies and funding programmes: the shipped version 1 public; a platform administrator's
 * edits saved as new versions with who and when, the history kept; everyone else refused; bad and
 * stale edits refused with nothing saved. Works on its own test policy, removed afterwards.
 */
@ApplicationTest
class PolicyIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  AnchorFixture fixture;
  String id;
  Account admin;
  String adminToken;
  RequestPostProcessor adminSession;

  @BeforeEach
  void anAdministrator() {
    fixture = new AnchorFixture(mvc, accounts);
    id = "test-fund-" + UUID.randomUUID().toString().substring(0, 8);
    admin =
        accounts.createAccount(
            "policy.admin." + UUID.randomUUID() + "@example.org",
            "Pat Admin",
            "correct horse battery staple",
            true);
    adminToken = accounts.createToken(admin.id(), "test").token();
    adminSession = SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(admin.id()));
  }

  @AfterEach
  void removeTheTestPolicy() {
    jdbc.update("delete from question_policy_version where policy_id = ?", id);
  }

  @Test
  void theShippedCatalogueIsPublicAsVersionOne() throws Exception {
    JsonNode all = fixture.json(fixture.get(null, "/api/v1/policies", 200));
    JsonNode act = find(all, "social-value-act-2012");
    assertThat(act.get("kind").asString()).isEqualTo("policy");
    assertThat(act.get("status").asString()).isEqualTo("open");
    assertThat(act.get("checked").asString()).isEqualTo("2012-03-08");
    assertThat(act.get("sourceUrl").asString())
        .isEqualTo("https://www.legislation.gov.uk/ukpga/2012/3");
    assertThat(act.get("version").asInt()).isEqualTo(1);
    assertThat(act.get("editedBy").isNull()).isTrue();
    JsonNode psds = find(all, "public-sector-decarbonisation-scheme");
    assertThat(psds.get("kind").asString()).isEqualTo("funding");
    assertThat(psds.get("status").asString()).isEqualTo("closed");
    assertThat(find(all, "uk-shared-prosperity-fund").get("status").asString())
        .isEqualTo("changing");
    fixture.get(null, "/api/v1/policies/no-such-policy", 404);
  }

  @Test
  void anAdministratorsEditsAreNewVersionsWithWhoAndWhenAndTheHistoryIsKept() throws Exception {
    long audited = audits();
    JsonNode added =
        fixture.json(call(post("/api/v1/admin/policies"), body(null, "2025-04-01", "open"), 201));
    assertThat(added.get("version").asInt()).isEqualTo(1);
    assertThat(added.get("editedBy").asString()).isEqualTo(admin.email());
    JsonNode edited =
        fixture.json(
            call(put("/api/v1/admin/policies/" + id), body(1, "2025-06-30", "changing"), 200));
    assertThat(edited.get("version").asInt()).isEqualTo(2);
    assertThat(edited.get("status").asString()).isEqualTo("changing");
    assertThat(edited.get("checked").asString()).isEqualTo("2025-06-30");
    JsonNode history = fixture.json(fixture.get(null, "/api/v1/policies/" + id + "/history", 200));
    assertThat(history)
        .extracting(h -> h.get("version").asInt() + ":" + h.get("status").asString())
        .containsExactly("2:changing", "1:open");
    assertThat(audits()).isEqualTo(audited + 2);
    String page = fixture.get(null, "/policies/" + id, 200);
    assertThat(page).contains("30 June 2025").contains(admin.email()).contains("2 versions");

    // A second edit based on version 1 was made before version 2 was seen: refused.
    assertThat(call(put("/api/v1/admin/policies/" + id), body(1, "2025-07-01", "open"), 409))
        .contains("Version 2 of Test fund was saved after the version 1 you edited");
    assertThat(call(put("/api/v1/admin/policies/" + id), body(2, "2025-13-01", "open"), 400))
        .contains("\"field\":\"checked\"")
        .contains("a real date");
    assertThat(call(put("/api/v1/admin/policies/" + id), body(2, "2099-01-01", "open"), 400))
        .contains("cannot be in the future");
    assertThat(call(put("/api/v1/admin/policies/" + id), body(2, "2025-06-30", "maybe"), 400))
        .contains("Choose open, closed or changing");
    assertThat(call(put("/api/v1/admin/policies/" + id), body(2, "2025-06-30", "changing"), 400))
        .contains("Nothing was changed");
    assertThat(call(post("/api/v1/admin/policies"), body(null, "2025-04-01", "open"), 409))
        .contains("already a policy or programme with the id");
    String page400 =
        fixture.expect(
            post("/admin/policies/" + id + "/edit")
                .with(adminSession)
                .with(csrf())
                .param("basedOn", "2")
                .param("kind", "funding")
                .param("name", "Test fund")
                .param("summary", "s")
                .param("enables", "e")
                .param("whoCanUse", "w")
                .param("status", "open")
                .param("checked", "2025-06-30")
                .param("sourceUrl", "javascript:alert(1)"),
            400);
    assertThat(page400).contains("There is a problem").contains("starting with https://");
    assertThat(
            fixture.json(fixture.get(null, "/api/v1/policies/" + id, 200)).get("version").asInt())
        .isEqualTo(2);
    assertThat(audits()).isEqualTo(audited + 2);
  }

  @Test
  void nobodyButAPlatformAdministratorEditsPolicies() throws Exception {
    call(post("/api/v1/admin/policies"), body(null, "2025-04-01", "open"), 201);
    Person icsAdmin = fixture.person("E54000029", WorkspaceRole.ICS_ADMIN);
    fixture.expect(
        icsAdmin.bearer(json(put("/api/v1/admin/policies/" + id), body(1, "2025-05-01", "open"))),
        403);
    fixture.expect(json(put("/api/v1/admin/policies/" + id), body(1, "2025-05-01", "open")), 401);
    fixture.get(icsAdmin.session(), "/admin/policies/" + id + "/edit", 403);
    assertThat(fixture.get(null, "/policies/" + id, 200)).doesNotContain("id=\"edit-policy\"");
    assertThat(fixture.get(adminSession, "/policies/" + id, 200)).contains("id=\"edit-policy\"");
    assertThat(fixture.json(fixture.get(null, "/api/v1/policies/" + id + "/history", 200)))
        .hasSize(1);
  }

  private String body(Integer basedOn, String checked, String status) {
    return "{\"id\":\""
        + id
        + "\",\"kind\":\"funding\",\"name\":\"Test fund\",\"summary\":\"A fund"
        + " for tests.\",\"enables\":\"Testing.\",\"whoCanUse\":\"Tests.\",\"status\":\""
        + status
        + "\",\"checked\":\""
        + checked
        + "\",\"sourceUrl\":\"https://example.org/fund\""
        + (basedOn == null ? "" : ",\"basedOn\":" + basedOn)
        + "}";
  }

  private String call(MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    return fixture.expect(
        json(request, body).header("Authorization", "Bearer " + adminToken), status);
  }

  private long audits() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where action like 'policy.%' and subject like ?",
        Long.class, "%(" + id + ")%");
  }

  private static JsonNode find(JsonNode all, String id) {
    for (JsonNode p : all) {
      if (p.get("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no " + id);
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
