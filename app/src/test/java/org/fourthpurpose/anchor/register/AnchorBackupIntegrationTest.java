package org.fourthpurpose.anchor.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.StatusChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frimley's anchor register through a workspace backup: written with every organisation, strategy,
 * commitment, status change and progression level, and restored exactly after the register changed;
 * a damaged entry refuses the restore and changes nothing.
 */
@ApplicationTest
class AnchorBackupIntegrationTest {

  static final String ICB = OrganisationRegisterIntegrationTest.ICB;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;

  String token;
  RequestPostProcessor editor;
  AnchorOrganisation trust;

  @BeforeEach
  void aRegisterWithACommitment() throws Exception {
    OrganisationRegisterIntegrationTest.forget(jdbc, ICB);
    Account admin = account(WorkspaceRole.ICS_ADMIN);
    token = accounts.createToken(admin.id(), "test").token();
    editor = SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(admin.id()));
    trust =
        register.organisations(ICB).stream()
            .filter(o -> o.name().equals("Frimley Health NHS Foundation Trust"))
            .findFirst()
            .orElseThrow();
    String pages = "/workspaces/" + ICB + "/anchors/organisations/" + trust.id();
    send(post(pages + "/strategies").param("title", "Anchor plan").param("status", "published"));
    long strategy = register.strategies(ICB).get(0).id();
    send(
        post(pages + "/commitments")
            .param("strategyId", String.valueOf(strategy))
            .param("pillar", "procurement")
            .param("promise", "Half of non-pay spend with suppliers in the footprint")
            .param("themes", "local-economy")
            .param("indicators", "employment-rate")
            .param("target", "50%")
            .param("targetDate", "2028-03-31")
            .param("status", "planned"));
    long commitment = register.commitments(ICB).get(0).id();
    send(
        post(pages + "/commitments/" + commitment + "/edit")
            .param("strategyId", String.valueOf(strategy))
            .param("pillar", "procurement")
            .param("promise", "Half of non-pay spend with suppliers in the footprint")
            .param("themes", "local-economy")
            .param("indicators", "employment-rate")
            .param("target", "50%")
            .param("targetDate", "2028-03-31")
            .param("status", "under-way"));
    send(
        post(pages + "/progression")
            .param("level-procurement", "2")
            .param("note-procurement", "Baseline measured"));
  }

  @Test
  void theRegisterIsRestoredExactlyAfterItChanged() throws Exception {
    List<AnchorOrganisation> organisations = register.organisations(ICB);
    List<AnchorCommitment> commitments = register.commitments(ICB);
    List<Progression> progressions = register.progressions(ICB);
    List<StatusChange> history = register.statusChanges(ICB);
    String backup = call(get(api()), 200);
    JsonNode document = JSON.readTree(backup);
    JsonNode anchors = document.get("data").get("anchors");
    assertThat(anchors.get("organisations")).hasSize(16);
    assertThat(anchors.get("commitments").get(0).get("themes").get(0).asString())
        .isEqualTo("local-economy");
    assertThat(anchors.get("status-changes")).hasSize(2);

    // The register changes: an organisation removed (with its commitment), another added.
    call(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
            "/api/v1/workspaces/" + ICB + "/anchors/organisations/" + trust.id()),
        204);
    call(
        post("/api/v1/workspaces/" + ICB + "/anchors/organisations")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Added later\",\"type\":\"vcse\"}"),
        201);
    assertThat(register.commitments(ICB)).isEmpty();

    call(put(api()).contentType(MediaType.APPLICATION_JSON).content(backup), 200);
    assertThat(register.organisations(ICB))
        .usingRecursiveComparison()
        .ignoringFields("id")
        .isEqualTo(organisations);
    assertThat(register.commitments(ICB))
        .usingRecursiveComparison()
        .ignoringFields("id", "organisationId", "strategyId")
        .isEqualTo(commitments);
    assertThat(register.progressions(ICB))
        .usingRecursiveComparison()
        .ignoringFields("organisationId")
        .isEqualTo(progressions);
    assertThat(register.statusChanges(ICB))
        .usingRecursiveComparison()
        .ignoringFields("commitmentId")
        .isEqualTo(history);
    // Seeding does not run again on top of the restored register.
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void aDamagedEntryIsRefusedNamingItsPlaceAndChangesNothing() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(call(get(api()), 200));
    ((ObjectNode) document.get("data").get("anchors").get("organisations").get(0))
        .put("ukprn", "20000000");
    JsonNode problem =
        JSON.readTree(
            call(
                put(api()).contentType(MediaType.APPLICATION_JSON).content(document.toString()),
                400));
    assertThat(problem.get("detail").asString())
        .contains("Part 'anchors', organisations entry 1, field 'ukprn'")
        .contains("a UKPRN is 8 digits starting with 1");
    assertThat(register.organisations(ICB)).hasSize(16);
    assertThat(register.commitments(ICB)).hasSize(1);
  }

  private static String api() {
    return "/api/v1/workspaces/" + ICB + "/backup";
  }

  private void send(MockHttpServletRequestBuilder request) throws Exception {
    assertThat(mvc.perform(request.with(editor).with(csrf())).andReturn().getResponse().getStatus())
        .isEqualTo(302);
  }

  private String call(MockHttpServletRequestBuilder request, int expected) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private Account account(WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), ICB, role);
    return account;
  }
}
