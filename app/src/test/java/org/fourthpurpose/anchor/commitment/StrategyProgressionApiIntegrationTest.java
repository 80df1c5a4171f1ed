package org.fourthpurpose.anchor.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.register.OrganisationRegisterIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frimley's strategies and progression levels through the API with a viewer's Bearer token, and the
 * same paths refused to a token of another workspace and to no token.
 */
@ApplicationTest
class StrategyProgressionApiIntegrationTest {

  static final String ICB = OrganisationRegisterIntegrationTest.ICB;
  static final String OTHER = OrganisationRegisterIntegrationTest.OTHER;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;

  AnchorOrganisation trust;

  @BeforeEach
  void aTrustWithAStrategyAndTwoProgressionLevels() throws Exception {
    OrganisationRegisterIntegrationTest.forget(jdbc, ICB);
    trust =
        register.organisations(ICB).stream()
            .filter(o -> o.name().equals("Frimley Health NHS Foundation Trust"))
            .findFirst()
            .orElseThrow();
    var editor =
        SecurityMockMvcRequestPostProcessors.user(
            accounts.userDetails(account(ICB, WorkspaceRole.EDITOR).id()));
    String pages = "/workspaces/" + ICB + "/anchors/organisations/" + trust.id();
    for (MockHttpServletRequestBuilder request :
        List.of(
            post(pages + "/strategies")
                .param("title", "Frimley Health anchor strategy 2024 to 2029")
                .param("url", "https://example.org/anchor-strategy")
                .param("publishedOn", "30/06/2024")
                .param("status", "published"),
            post(pages + "/progression")
                .param("level-procurement", "2")
                .param("note-procurement", "Baseline measured")
                .param("level-estates", "4"))) {
      assertThat(
              mvc.perform(request.with(editor).with(csrf())).andReturn().getResponse().getStatus())
          .isEqualTo(302);
    }
  }

  @Test
  void aViewerReadsTheStrategiesWithTheirStatusAsCodeAndLabel() throws Exception {
    String viewer = token(ICB, WorkspaceRole.VIEWER);
    JsonNode strategies = JSON.readTree(call(viewer, "strategies", 200));
    assertThat(strategies).hasSize(1);
    JsonNode strategy = strategies.get(0);
    assertThat(strategy.get("id").asLong()).isEqualTo(register.strategies(ICB).get(0).id());
    assertThat(strategy.get("organisationId").asLong()).isEqualTo(trust.id());
    assertThat(strategy.get("title").asString())
        .isEqualTo("Frimley Health anchor strategy 2024 to 2029");
    assertThat(strategy.get("url").asString()).isEqualTo("https://example.org/anchor-strategy");
    assertThat(strategy.get("publishedOn").asString()).isEqualTo("2024-06-30");
    assertThat(strategy.get("status").asString()).isEqualTo("published");
    assertThat(strategy.get("statusLabel").asString()).isEqualTo("Published");
  }

  @Test
  void aViewerReadsEachProgressionLevelWithPillarAndLevelAsCodeNumberAndLabel() throws Exception {
    String viewer = token(ICB, WorkspaceRole.VIEWER);
    JsonNode levels = JSON.readTree(call(viewer, "progression", 200));
    assertThat(levels).hasSize(2);
    JsonNode procurement = pillar(levels, "procurement");
    assertThat(procurement.get("organisationId").asLong()).isEqualTo(trust.id());
    assertThat(procurement.get("pillarLabel").asString()).isEqualTo("Procurement and local spend");
    assertThat(procurement.get("level").asInt()).isEqualTo(2);
    assertThat(procurement.get("levelLabel").asString()).isEqualTo("Developing");
    assertThat(procurement.get("note").asString()).isEqualTo("Baseline measured");
    assertThat(procurement.get("assessedOn").asString())
        .isEqualTo(register.progressions(ICB).get(0).assessedOn().toString());
    JsonNode estates = pillar(levels, "estates");
    assertThat(estates.get("pillarLabel").asString()).isEqualTo("Estates and land");
    assertThat(estates.get("level").asInt()).isEqualTo(4);
    assertThat(estates.get("levelLabel").asString()).isEqualTo("Leading");
  }

  @Test
  void anotherWorkspacesTokenAndNoTokenAreRefused() throws Exception {
    String other = token(OTHER, WorkspaceRole.ICS_ADMIN);
    for (String path : List.of("strategies", "progression")) {
      String body = call(other, path, 403);
      assertThat(body).doesNotContain("Frimley Health anchor strategy", "Baseline measured");
      assertThat(call(null, path, 401)).doesNotContain("Baseline measured");
    }
  }

  private static JsonNode pillar(JsonNode levels, String code) {
    for (JsonNode level : levels) {
      if (level.get("pillar").asString().equals(code)) {
        return level;
      }
    }
    throw new AssertionError("no level under " + code + " in " + levels);
  }

  private String call(String token, String path, int expected) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/v1/workspaces/" + ICB + "/anchors/" + path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private String token(String icb, WorkspaceRole role) {
    return accounts.createToken(account(icb, role).id(), "test").token();
  }

  private Account account(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return account;
  }
}
