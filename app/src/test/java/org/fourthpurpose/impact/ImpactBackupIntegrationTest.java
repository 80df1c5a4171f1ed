package org.fourthpurpose.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Measures, values, rebases and issued reports go into a workspace backup and come back whole. */
@ApplicationTest
class ImpactBackupIntegrationTest {

  static final String ICB = "E54000060";
  static final String API = "/api/v1/workspaces/" + ICB + "/measures";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
  }

  @Test
  void measuresTheirValuesRebasesAndReportsAreRestoredAfterTheyChanged() throws Exception {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
    String email = "admin." + UUID.randomUUID() + "@example.org";
    Account admin = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(admin.id(), ICB, WorkspaceRole.ICS_ADMIN);
    String token = accounts.createToken(admin.id(), "test").token();
    long id =
        JSON.readTree(
                call(
                    token,
                    post(API)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"name\":\"Backed up\",\"unit\":\"%\",\"improvement\":\"increase\","
                                + "\"target\":53,\"baselineEnd\":\"2024-12-31\"}"),
                    201))
            .get("id")
            .asLong();
    call(
        token,
        post(API + "/" + id + "/values/imports")
            .contentType("text/csv")
            .content(MeasureApiIntegrationTest.VALUES.getBytes(StandardCharsets.UTF_8)),
        201);
    call(
        token,
        post(API + "/" + id + "/rebases")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"date\":\"2025-01-01\",\"reason\":\"New service\"}"),
        201);
    call(token, post(API + "/report/issues"), 201);
    String spcBefore = call(token, get(API + "/" + id + "/spc"), 200);

    String backup = call(token, get("/api/v1/workspaces/" + ICB + "/backup"), 200);
    JsonNode impact = JSON.readTree(backup).get("data").get("impact");
    assertThat(impact.get("measures")).hasSize(1);
    assertThat(impact.get("values")).hasSize(19);
    assertThat(impact.get("rebases").get(0).get("reason").asString()).isEqualTo("New service");
    assertThat(impact.get("reports")).hasSize(1);
    assertThat(impact.get("reportMeasures")).hasSize(1);

    call(token, delete(API + "/" + id), 204);
    assertThat(JSON.readTree(call(token, get(API), 200))).isEmpty();
    call(
        token,
        put("/api/v1/workspaces/" + ICB + "/backup")
            .contentType(MediaType.APPLICATION_JSON)
            .content(backup),
        200);
    JsonNode restored = JSON.readTree(call(token, get(API), 200));
    assertThat(restored).hasSize(1);
    long newId = restored.get(0).get("id").asLong();
    JsonNode spcAfter = JSON.readTree(call(token, get(API + "/" + newId + "/spc"), 200));
    JsonNode before = JSON.readTree(spcBefore);
    assertThat(spcAfter.get("points")).isEqualTo(before.get("points"));
    assertThat(spcAfter.get("summary")).isEqualTo(before.get("summary"));
    assertThat(spcAfter.get("reading")).isEqualTo(before.get("reading"));
    // The issued report came back and still compares: the restored measure is the same one.
    JsonNode report = JSON.readTree(call(token, get(API + "/report"), 200));
    assertThat(report.get("lastIssuedAt").isNull()).isFalse();
    assertThat(report.get("changes")).isEmpty();
  }

  private String call(String token, AbstractMockHttpServletRequestBuilder<?> request, int expected)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }
}
