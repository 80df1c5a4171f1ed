package org.fourthpurpose.question.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.profile.IcsProfiles;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.bank.StoredWorkspaceQuestions;
import org.fourthpurpose.question.proposition.PropositionFixture;
import org.fourthpurpose.question.proposition.PropositionFixture.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * North Central London's fourth-purpose plan from real data: a priority question, a proposition
 * with partners and funding, a measure of its success, a maturity milestone and the profile's
 * needs; the page, the PDF, publishing a snapshot and withdrawing it, and other workspaces kept
 * out.
 */
@ApplicationTest
class PlanIntegrationTest {

  /** North Central London, used by no other test. */
  static final String ICB = "E54000028";

  /** South East London. */
  static final String OTHER = "E54000030";

  static final String API = "/api/v1/workspaces/" + ICB;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;
  @Autowired StoredWorkspaceQuestions questions;
  @Autowired IcsProfiles profiles;
  @Autowired Geography geography;

  Person admin;
  Person editor;
  Person viewer;
  Person other;
  WorkspaceQuestion priority;
  AnchorOrganisation icbBody;
  AnchorOrganisation council;
  long propositionId;

  @BeforeEach
  void aPlanWithAQuestionAPropositionAMeasureAndAMilestone() throws Exception {
    PropositionFixture.forget(jdbc, ICB);
    forgetMaturity(jdbc, ICB);
    admin = PropositionFixture.person(accounts, ICB, WorkspaceRole.ICS_ADMIN, "Ada Admin");
    editor = PropositionFixture.person(accounts, ICB, WorkspaceRole.EDITOR, "Edie Editor");
    viewer = PropositionFixture.person(accounts, ICB, WorkspaceRole.VIEWER, "Vic Viewer");
    other = PropositionFixture.person(accounts, OTHER, WorkspaceRole.ICS_ADMIN, "Otto Other");
    priority =
        PropositionFixture.priority(
            questions, ICB, "employment-productive-place", "Vacancies hold back every service");
    List<AnchorOrganisation> organisations = register.organisations(ICB);
    icbBody = first(organisations, OrganisationType.ICB);
    council = first(organisations, OrganisationType.LOCAL_AUTHORITY);
    propositionId =
        JSON.readTree(
                call(
                    editor,
                    json(
                        post(API + "/propositions"),
                        "{\"questionId\": "
                            + priority.id()
                            + ", \"title\": \"Health and care jobs academy\", \"ifWe\": \"train"
                            + " local residents for entry-level posts\", \"then\": \"vacancies"
                            + " fall and residents get good work\", \"measuredBy\": \"the share"
                            + " of new starters from the borough\", \"partners\":"
                            + " [{\"organisationId\": \""
                            + council.id()
                            + "\", \"role\": \"lead\"}, {\"organisationId\": \""
                            + icbBody.id()
                            + "\", \"role\": \"funder\"}], \"policies\":"
                            + " [\"uk-shared-prosperity-fund\", \"social-value-act-2012\"],"
                            + " \"pilot\": {\"cost\": \"£80,000\"}}"),
                    201))
            .get("id")
            .asLong();
    call(
        editor,
        json(
            post(API + "/propositions/" + propositionId + "/measures"),
            "{\"name\": \"Local starters\", \"unit\": \"%\", \"improvement\": \"increase\","
                + " \"target\": 40}"),
        201);
    long round =
        JSON.readTree(
                call(admin, json(post(API + "/maturity/rounds"), "{\"name\": \"2026/27\"}"), 201))
            .get("id")
            .asLong();
    String area =
        JSON.readTree(call(viewer, get("/api/v1/maturity/frameworks/current"), 200))
            .get("domains")
            .get(0)
            .get("areas")
            .get(0)
            .get("id")
            .asString();
    call(
        editor,
        json(
            post(API + "/maturity/rounds/" + round + "/milestones"),
            "{\"areaId\": \""
                + area
                + "\", \"targetLevel\": \"established\", \"action\": \"Agree a joint workforce"
                + " compact\", \"owner\": \"ICP board\", \"partners\": [], \"dueDate\":"
                + " \"2030-03-31\", \"status\": \"not-started\"}"),
        201);
  }

  @AfterEach
  void cleanUp() {
    PropositionFixture.forget(jdbc, ICB);
    forgetMaturity(jdbc, ICB);
  }

  @Test
  void thePlanReadsTheQuestionPropositionMeasureMilestoneAndTheProfilesNeeds() throws Exception {
    JsonNode body = JSON.readTree(call(viewer, get(API + "/plan"), 200));
    JsonNode plan = body.get("plan");
    assertThat(body.get("publication").get("published").asBoolean()).isFalse();
    assertThat(plan.get("icbName").asString()).isEqualTo("North Central London");

    JsonNode q = plan.get("questions").get(0);
    assertThat(plan.get("questions").size()).isEqualTo(1);
    assertThat(q.get("text").asString()).isEqualTo(priority.transformational());
    assertThat(q.get("rationale").asString()).isEqualTo("Vacancies hold back every service");
    assertThat(q.get("rank").asInt()).isEqualTo(1);
    assertThat(q.get("propositions").asInt()).isEqualTo(1);

    JsonNode p = plan.get("propositions").get(0);
    assertThat(p.get("title").asString()).isEqualTo("Health and care jobs academy");
    assertThat(p.get("statusLabel").asString()).isEqualTo("Idea");
    assertThat(p.get("partners").get(0).get("name").asString()).isEqualTo(council.name());
    assertThat(p.get("partners").get(0).get("role").asString()).isEqualTo("Lead");
    assertThat(p.get("partners").get(1).get("name").asString()).isEqualTo(icbBody.name());
    assertThat(p.get("partners").get(1).get("role").asString()).isEqualTo("Funder");
    assertThat(p.get("funding").get(0).get("name").asString())
        .isEqualTo("UK Shared Prosperity Fund");
    assertThat(p.get("funding").get(0).get("status").asString()).isEqualTo("Changing");
    assertThat(p.get("levers").get(0).get("kind").asString()).isEqualTo("Policy lever");
    assertThat(p.get("cost").asString()).isEqualTo("£80,000");

    JsonNode m = plan.get("measures").get(0);
    assertThat(plan.get("measures").size()).isEqualTo(1);
    assertThat(m.get("name").asString()).isEqualTo("Local starters");
    assertThat(m.get("linkedTo").asString()).isEqualTo("Proposition: Health and care jobs academy");
    assertThat(m.get("variationLabel").asString()).isEqualTo("Too few values");
    assertThat(m.get("target").asString()).isEqualTo("40");

    JsonNode milestones = plan.get("milestones");
    assertThat(milestones.get("round").asString()).isEqualTo("2026/27");
    assertThat(milestones.get("total").asInt()).isEqualTo(1);
    assertThat(milestones.get("items").get(0).get("action").asString())
        .isEqualTo("Agree a joint workforce compact");
    assertThat(milestones.get("items").get(0).get("targetLevel").asString())
        .isEqualTo("Established");

    // The needs are the profile's own ranked needs against England (national indicators only).
    List<String> expected =
        profiles
            .profile(geography.requireIcb(ICB), ComparatorChoice.ENGLAND, null)
            .narrative()
            .stream()
            .filter(h -> h.kind().equals("needs"))
            .flatMap(h -> h.points().stream())
            .filter(x -> x.row().indicator().isPublic())
            .limit(5)
            .map(x -> x.row().indicator().id())
            .toList();
    List<String> needs = new ArrayList<>();
    plan.get("needs").forEach(n -> needs.add(n.get("indicatorId").asString()));
    assertThat(needs).isEqualTo(expected);

    List<String> summary = new ArrayList<>();
    plan.get("summary").forEach(s -> summary.add(s.asString()));
    assertThat(summary)
        .contains(
            "1 priority question agreed; the first: " + priority.transformational(),
            "1 testable proposition (1 idea), with 2 partner organisations; pilots costed at"
                + " £80,000 in all (stopped ones left out).",
            "1 impact measure: 0 showing improvement, 0 a concern, 1 with too few values for a"
                + " chart yet.",
            "Maturity round 2026/27: 0 of 1 milestone done, 0 overdue.");
    assertThat(summary.size()).isBetween(4, 7);

    String page = page(viewer, "/workspaces/" + ICB + "/plan", 200);
    assertThat(page)
        .contains(
            "The fourth-purpose plan",
            "Health and care jobs academy",
            "If we train local residents for entry-level posts, then vacancies fall and residents"
                + " get good work, as measured by the share of new starters from the borough.",
            council.name() + " (lead)",
            "UK Shared Prosperity Fund (changing, checked",
            "Agree a joint workforce compact",
            "Not published: only the workspace's members see the plan.")
        .doesNotContain("id=\"publish-plan\"");
    assertThat(page(admin, "/workspaces/" + ICB + "/plan", 200)).contains("id=\"publish-plan\"");
  }

  @Test
  void thePlanIsPublishedAsASnapshotUntilWithdrawnAndOnlyByAnAdministrator() throws Exception {
    anonymous("/ics/" + ICB + "/plan", 404);
    anonymous("/api/v1/icbs/" + ICB + "/plan", 404);
    anonymous("/ics/" + ICB + "/plan.pdf", 404);
    call(editor, json(put(API + "/plan/publication"), "{\"published\": true}"), 403);
    call(admin, json(put(API + "/plan/publication"), "{}"), 400);
    MockHttpServletResponse published =
        mvc.perform(
                post("/workspaces/" + ICB + "/plan/publication")
                    .with(admin.session())
                    .with(csrf())
                    .param("action", "publish"))
            .andReturn()
            .getResponse();
    assertThat(published.getStatus()).isEqualTo(302);
    assertThat(anonymous("/ics/" + ICB + "/plan", 200))
        .contains("Health and care jobs academy", "Published by the partnership on")
        .doesNotContain("Ada Admin");
    JsonNode snapshot = JSON.readTree(anonymous("/api/v1/icbs/" + ICB + "/plan", 200));
    assertThat(snapshot.get("plan").get("propositions").get(0).get("title").asString())
        .isEqualTo("Health and care jobs academy");

    // A later change shows in the workspace's plan but not in the published snapshot.
    JsonNode current =
        JSON.readTree(call(viewer, get(API + "/propositions/" + propositionId), 200));
    String renamed =
        "{\"version\": "
            + current.get("version")
            + ", \"questionId\": "
            + priority.id()
            + ", \"title\": \"Jobs academy (renamed)\", \"ifWe\": \"train local residents\","
            + " \"then\": \"vacancies fall\", \"measuredBy\": \"starters from the borough\"}";
    call(editor, json(put(API + "/propositions/" + propositionId), renamed), 200);
    assertThat(
            JSON.readTree(call(viewer, get(API + "/plan"), 200))
                .get("plan")
                .get("propositions")
                .get(0)
                .get("title")
                .asString())
        .isEqualTo("Jobs academy (renamed)");
    assertThat(anonymous("/ics/" + ICB + "/plan", 200))
        .contains("Health and care jobs academy")
        .doesNotContain("renamed");

    MockHttpServletResponse pdf =
        mvc.perform(get("/ics/" + ICB + "/plan.pdf")).andReturn().getResponse();
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    assertThat(text(pdf.getContentAsByteArray()))
        .contains("The fourth-purpose plan: North Central London", "Health and care jobs academy");

    JsonNode withdrawn =
        JSON.readTree(
            call(admin, json(put(API + "/plan/publication"), "{\"published\": false}"), 200));
    assertThat(withdrawn.get("published").asBoolean()).isFalse();
    anonymous("/ics/" + ICB + "/plan", 404);
    anonymous("/api/v1/icbs/" + ICB + "/plan", 404);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where icb_code = ? and action in"
                    + " ('plan.published', 'plan.withdrawn')",
                Integer.class,
                ICB))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theWorkspacePdfRendersThePlanAndOtherWorkspacesCannotReadIt() throws Exception {
    MockHttpServletResponse pdf =
        mvc.perform(get("/workspaces/" + ICB + "/plan.pdf").with(viewer.session()))
            .andReturn()
            .getResponse();
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getHeader("Content-Disposition"))
        .contains("fourth-purpose-plan-" + geography.requireIcb(ICB).odsCode() + ".pdf");
    String text = text(pdf.getContentAsByteArray());
    assertThat(text)
        .contains(
            "The fourth-purpose plan: North Central London",
            "Health and care jobs academy",
            "Local starters",
            "Agree a joint workforce compact");

    page(other, "/workspaces/" + ICB + "/plan", 403);
    page(other, "/workspaces/" + ICB + "/plan.pdf", 403);
    call(other, get(API + "/plan"), 403);
    call(other, json(put(API + "/plan/publication"), "{\"published\": true}"), 403);
    assertThat(
            JSON.readTree(call(other, get("/api/v1/workspaces/" + OTHER + "/plan"), 200))
                .get("plan")
                .get("propositions")
                .size())
        .isZero();
  }

  /** Removes a workspace's maturity rounds and what hangs off them. */
  static void forgetMaturity(JdbcTemplate jdbc, String icb) {
    String rounds = "(select id from maturity_round where icb_code = ?)";
    jdbc.update(
        "delete from maturity_rating where assessor_id in (select id from maturity_assessor"
            + " where round_id in "
            + rounds
            + ")",
        icb);
    for (String table :
        List.of(
            "maturity_milestone",
            "maturity_agreement",
            "maturity_assessor",
            "maturity_round_area")) {
      jdbc.update("delete from " + table + " where round_id in " + rounds, icb);
    }
    jdbc.update("delete from maturity_round where icb_code = ?", icb);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static AnchorOrganisation first(List<AnchorOrganisation> all, OrganisationType type) {
    return all.stream().filter(o -> o.type() == type).findFirst().orElseThrow();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private String anonymous(String path, int expected) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(path + ": " + body).isEqualTo(expected);
    return body;
  }

  private String call(Person who, MockHttpServletRequestBuilder request, int expected)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("Authorization", "Bearer " + who.token()))
            .andReturn()
            .getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private String page(Person who, String path, int expected) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).with(who.session())).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }
}
