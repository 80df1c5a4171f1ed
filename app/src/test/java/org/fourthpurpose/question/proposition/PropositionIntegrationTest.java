package org.fourthpurpose.question.proposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.bank.StoredWorkspaceQuestions;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Testable propositions of Kent and Medway through the API and the pages: stored with partners,
 * funding and a pilot and read back as one sentence; the workflow's allowed and refused moves, each
 * in the decision log and the audit log; every bad input refused naming its field with nothing
 * stored; viewers and another workspace kept out.
 */
@ApplicationTest
class PropositionIntegrationTest {

  /** Kent and Medway, used by no other test. */
  static final String ICB = "E54000032";

  /** Bristol, North Somerset and South Gloucestershire. */
  static final String OTHER = "E54000039";

  static final String API = "/api/v1/workspaces/" + ICB + "/propositions";
  static final String PAGES = "/workspaces/" + ICB + "/propositions";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;
  @Autowired StoredWorkspaceQuestions questions;
  @Autowired Geography geography;

  Person editor;
  Person viewer;
  Person otherEditor;
  WorkspaceQuestion priority;
  WorkspaceQuestion notPriority;
  AnchorOrganisation icbBody;
  AnchorOrganisation kent;
  AnchorOrganisation medway;
  String place;
  String otherPlace;

  @BeforeEach
  void startAfresh() {
    PropositionFixture.forget(jdbc, ICB);
    PropositionFixture.forget(jdbc, OTHER);
    editor = PropositionFixture.person(accounts, ICB, WorkspaceRole.EDITOR, "Edie Editor");
    viewer = PropositionFixture.person(accounts, ICB, WorkspaceRole.VIEWER, "Vic Viewer");
    otherEditor = PropositionFixture.person(accounts, OTHER, WorkspaceRole.EDITOR, "Otto Other");
    priority =
        PropositionFixture.priority(
            questions, ICB, "employment-productive-place", "Workforce gaps block every plan");
    notPriority = questions.adopt(ICB, "skills-early-years");
    List<AnchorOrganisation> organisations = register.organisations(ICB);
    icbBody = named(organisations, "NHS Kent and Medway Integrated Care Board");
    kent = named(organisations, "Kent County Council");
    medway = named(organisations, "Medway Council");
    place = geography.subIcbsOf(ICB).get(0).code();
    otherPlace = geography.subIcbsOf(OTHER).get(0).code();
  }

  @AfterEach
  void cleanUp() {
    PropositionFixture.forget(jdbc, ICB);
    PropositionFixture.forget(jdbc, OTHER);
  }

  @Test
  void aPropositionIsStoredWithPartnersFundingAndAPilotAndReadsAsOneSentence() throws Exception {
    JsonNode added = JSON.readTree(call(editor, json(post(API), body("")), 201));
    assertThat(added.get("hypothesis").asString())
        .isEqualTo(
            "If we open a joint recruitment academy with the further education college, then"
                + " more residents of the most deprived neighbourhoods get jobs in health and"
                + " care, as measured by the share of new starters living in the footprint.");
    assertThat(added.get("status").asString()).isEqualTo("idea");
    assertThat(added.get("nextStatuses").toString()).isEqualTo("[\"agreed\",\"stopped\"]");
    assertThat(added.get("questionId").asLong()).isEqualTo(priority.id());
    assertThat(added.get("question").asString()).isEqualTo(priority.transformational());
    // Partners in the order of their roles: lead first.
    assertThat(added.get("partners").get(0).get("name").asString()).isEqualTo(kent.name());
    assertThat(added.get("partners").get(0).get("role").asString()).isEqualTo("lead");
    assertThat(added.get("partners").get(1).get("name").asString()).isEqualTo(icbBody.name());
    assertThat(added.get("partners").get(1).get("role").asString()).isEqualTo("funder");
    assertThat(added.get("policies").size()).isEqualTo(2);
    JsonNode closed = policy(added, "public-sector-decarbonisation-scheme");
    assertThat(closed.get("status").asString()).isEqualTo("closed");
    assertThat(closed.get("kind").asString()).isEqualTo("funding");
    assertThat(closed.get("checkedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(added.get("warnings").get(0).asString())
        .startsWith("Public Sector Decarbonisation Scheme is closed (checked ");
    assertThat(added.get("pilot").get("places").get(0).get("code").asString()).isEqualTo(place);
    assertThat(added.get("pilot").get("places").get(0).get("name").asString())
        .isEqualTo(geography.subIcbsOf(ICB).get(0).displayName());
    assertThat(added.get("pilot").get("from").asString()).isEqualTo("2026-04-01");
    assertThat(added.get("pilot").get("to").asString()).isEqualTo("2027-03-31");
    assertThat(added.get("pilot").get("cost").asString()).isEqualTo("125000.50");
    assertThat(added.get("evidence").size()).isEqualTo(priority.indicatorIds().size());

    long id = added.get("id").asLong();
    JsonNode log = JSON.readTree(call(viewer, get(API + "/" + id + "/decisions"), 200));
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.get(0).get("from").isNull()).isTrue();
    assertThat(log.get(0).get("to").asString()).isEqualTo("idea");
    assertThat(log.get(0).get("decidedBy").asString()).isEqualTo("Edie Editor");

    String page = page(PAGES + "/" + id, viewer.session(), 200);
    assertThat(page)
        .contains(
            "If we open a joint recruitment academy",
            "£125,000.50",
            "1 April 2026 to 31 March 2027",
            "Public Sector Decarbonisation Scheme is closed",
            kent.name(),
            "Funder")
        .doesNotContain("Record a decision");
    assertThat(page(PAGES, viewer.session(), 200))
        .contains("1 proposition: 1 idea.", "Kent County Council", "£125,000.50");
  }

  @Test
  void theWorkflowAllowsOnlyItsMovesAndLogsEachDecision() throws Exception {
    int audited = moved();
    String withoutLead =
        body("").replace("\"role\": \"lead\"", "\"role\": \"partner\"").replace(place, "");
    long id = JSON.readTree(call(editor, json(post(API), withoutLead), 201)).get("id").asLong();
    String moves = API + "/" + id + "/transitions";

    JsonNode skip = JSON.readTree(call(editor, json(post(moves), move("idea", "piloting")), 400));
    assertThat(skip.get("field").asString()).isEqualTo("to");
    assertThat(skip.get("detail").asString())
        .contains("A proposition that is idea can move only to agreed or stopped");
    JsonNode noLead = JSON.readTree(call(editor, json(post(moves), move("idea", "agreed")), 400));
    assertThat(noLead.get("detail").asString()).contains("Name a lead partner");
    JsonNode noReason =
        JSON.readTree(
            call(
                editor,
                json(
                    post(moves),
                    "{\"to\": \"stopped\", \"decision\": \"Stop\", \"reason\": \" \"}"),
                400));
    assertThat(noReason.get("field").asString()).isEqualTo("reason");

    // With a lead, it is agreed; the pilot needs its places before it is piloted.
    JsonNode current = JSON.readTree(call(viewer, get(API + "/" + id), 200));
    String withLead = withoutLead.replace("\"role\": \"partner\"", "\"role\": \"lead\"");
    call(
        editor,
        json(
            put(API + "/" + id),
            withLead.replace("{", "{\"version\": " + current.get("version") + ", ")),
        200);
    call(editor, json(post(moves), move("idea", "agreed")), 201);
    JsonNode noPlace =
        JSON.readTree(call(editor, json(post(moves), move("agreed", "piloting")), 400));
    assertThat(noPlace.get("detail").asString()).contains("Say where the pilot runs");
    current = JSON.readTree(call(viewer, get(API + "/" + id), 200));
    call(
        editor,
        json(
            put(API + "/" + id),
            body("").replace("{", "{\"version\": " + current.get("version") + ", ")),
        200);
    // A stale version of the proposition is a conflict, and changes nothing.
    call(editor, json(put(API + "/" + id), body("Stale").replace("{", "{\"version\": 0, ")), 409);
    call(editor, json(post(moves), move("agreed", "piloting")), 201);
    // A decision made on a status it no longer has is a conflict.
    call(editor, json(post(moves), move("agreed", "evaluated")), 409);
    call(editor, json(post(moves), move("piloting", "evaluated")), 201);
    call(editor, json(post(moves), move("evaluated", "scaled")), 201);
    JsonNode ended = JSON.readTree(call(editor, json(post(moves), move("scaled", "stopped")), 400));
    assertThat(ended.get("detail").asString())
        .contains("The proposition is scaled: its status cannot change");

    JsonNode log = JSON.readTree(call(viewer, get(API + "/" + id + "/decisions"), 200));
    List<String> steps = new ArrayList<>();
    log.forEach(d -> steps.add(d.get("from").asString("") + ">" + d.get("to").asString()));
    assertThat(steps)
        .containsExactly(
            ">idea", "idea>agreed", "agreed>piloting", "piloting>evaluated", "evaluated>scaled");
    assertThat(log.get(2).get("decision").asString()).isEqualTo("Move to piloting");
    assertThat(log.get(2).get("reason").asString())
        .isEqualTo("Because the board agreed on piloting");
    assertThat(log.get(2).get("decidedBy").asString()).isEqualTo("Edie Editor");
    assertThat(JSON.readTree(call(viewer, get(API + "/" + id), 200)).get("title").asString())
        .isEqualTo("Local recruitment academy");
    assertThat(moved() - audited).isEqualTo(4);

    // Only an idea is removed; this one is scaled.
    call(editor, delete(API + "/" + id), 409);
    long idea =
        JSON.readTree(call(editor, json(post(API), body("Another")), 201)).get("id").asLong();
    call(editor, delete(API + "/" + idea), 204);
    call(viewer, get(API + "/" + idea), 404);
  }

  @Test
  void theStatusFormMovesItOnAndAFormWithBadValuesNamesEachFieldAndStoresNothing()
      throws Exception {
    long id = JSON.readTree(call(editor, json(post(API), body("")), 201)).get("id").asLong();
    MockHttpServletResponse moved =
        mvc.perform(
                post(PAGES + "/" + id + "/status")
                    .with(editor.session())
                    .with(csrf())
                    .param("from", "idea")
                    .param("to", "agreed")
                    .param("decision", "Agreed by the ICP board")
                    .param("reason", "The partners committed staff and money"))
            .andReturn()
            .getResponse();
    assertThat(moved.getStatus()).isEqualTo(302);
    assertThat(page(PAGES + "/" + id, viewer.session(), 200))
        .contains(
            "Idea to Agreed", "Agreed by the ICP board", "The partners committed staff and money");
    int before = count();

    MockHttpServletResponse refused =
        mvc.perform(
                post(PAGES)
                    .with(editor.session())
                    .with(csrf())
                    .param("questionId", String.valueOf(notPriority.id()))
                    .param("title", "")
                    .param("ifWe", "x".repeat(1001))
                    .param("then", "Things improve")
                    .param("measuredBy", "")
                    .param("role-" + kent.id(), "boss")
                    .param("policies", "made-up-fund")
                    .param("places", otherPlace)
                    .param("pilotFrom", "31/02/2026")
                    .param("pilotTo", "2026-01-01")
                    .param("pilotCost", "£12,50"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
        .contains(
            "There is a problem",
            "is not one of the agreed priorities",
            "Give the proposition a short title",
            "What the partners will do must be 1000 characters or fewer",
            "Say how you will know it worked",
            "&#39;boss&#39; is not a role",
            "&#39;made-up-fund&#39; is not a policy or funding programme of the catalogue",
            "&#39;" + otherPlace + "&#39; is not a sub-ICB location or district of this system",
            "&#39;31/02/2026&#39; is not a date",
            "&#39;£12,50&#39; is not an amount in pounds",
            "href=\"#pilotCost\"");

    // Through the API: the problem names the field; a question of another workspace is unknown.
    JsonNode cost =
        JSON.readTree(call(editor, json(post(API), body("").replace("125000.50", "-5")), 400));
    assertThat(cost.get("field").asString()).isEqualTo("pilotCost");
    assertThat(cost.get("detail").asString()).contains("'-5' is not an amount in pounds");
    JsonNode dates =
        JSON.readTree(
            call(editor, json(post(API), body("").replace("2027-03-31", "2026-03-31")), 400));
    assertThat(dates.get("field").asString()).isEqualTo("pilotTo");
    assertThat(dates.get("detail").asString())
        .contains("The pilot must end on or after the day it starts");
    JsonNode partner =
        JSON.readTree(
            call(
                editor,
                json(post(API), body("").replace("\"" + kent.id() + "\"", "\"999999999\"")),
                400));
    assertThat(partner.get("field").asString()).isEqualTo("partners");
    assertThat(partner.get("detail").asString())
        .contains("The workspace's anchor register has no organisation 999999999");
    WorkspaceQuestion elsewhere =
        PropositionFixture.priority(questions, OTHER, "employment-productive-place", "Theirs");
    JsonNode question =
        JSON.readTree(
            call(
                editor,
                json(
                    post(API),
                    body("")
                        .replace(String.valueOf(priority.id()), String.valueOf(elsewhere.id()))),
                400));
    assertThat(question.get("field").asString()).isEqualTo("questionId");
    assertThat(question.get("detail").asString())
        .contains("This workspace has no question " + elsewhere.id());
    call(editor, json(post(API), "{\"title\": "), 400);
    assertThat(count()).isEqualTo(before);

    // A move the workflow refuses through the page keeps the status and shows why.
    MockHttpServletResponse skip =
        mvc.perform(
                post(PAGES + "/" + id + "/status")
                    .with(editor.session())
                    .with(csrf())
                    .param("from", "agreed")
                    .param("to", "scaled")
                    .param("decision", "Scale it")
                    .param("reason", "Why not"))
            .andReturn()
            .getResponse();
    assertThat(skip.getStatus()).isEqualTo(400);
    assertThat(skip.getContentAsString(StandardCharsets.UTF_8))
        .contains("A proposition that is agreed can move only to piloting or stopped");
    assertThat(JSON.readTree(call(viewer, get(API + "/" + id), 200)).get("status").asString())
        .isEqualTo("agreed");
  }

  @Test
  void viewersReadOnlyAndAnotherWorkspaceNeitherReadsNorChanges() throws Exception {
    long id = JSON.readTree(call(editor, json(post(API), body("")), 201)).get("id").asLong();
    call(viewer, get(API), 200);
    call(viewer, json(post(API), body("")), 403);
    call(viewer, json(post(API + "/" + id + "/transitions"), move("idea", "agreed")), 403);
    call(viewer, delete(API + "/" + id), 403);
    page(PAGES + "/new", viewer.session(), 403);
    call(otherEditor, get(API), 403);
    call(otherEditor, get(API + "/" + id), 403);
    call(otherEditor, json(post(API), body("")), 403);
    page(PAGES + "/" + id, otherEditor.session(), 403);
    // Through its own workspace's address, Kent and Medway's proposition does not exist.
    String theirs = "/api/v1/workspaces/" + OTHER + "/propositions/" + id;
    call(otherEditor, get(theirs), 404);
    call(otherEditor, json(post(theirs + "/transitions"), move("idea", "stopped")), 404);
    call(otherEditor, delete(theirs), 404);
    page("/workspaces/" + OTHER + "/propositions/" + id, otherEditor.session(), 404);
    assertThat(JSON.readTree(call(viewer, get(API + "/" + id), 200)).get("status").asString())
        .isEqualTo("idea");
    assertThat(
            JSON.readTree(
                    call(otherEditor, get("/api/v1/workspaces/" + OTHER + "/propositions"), 200))
                .size())
        .isZero();
  }

  private String body(String title) {
    return "{\"questionId\": "
        + priority.id()
        + ", \"title\": \"Local recruitment academy"
        + (title.isEmpty() ? "" : " " + title)
        + "\", \"ifWe\": \"open a joint recruitment academy with the further education college\","
        + " \"then\": \"more residents of the most deprived neighbourhoods get jobs in health and"
        + " care.\", \"measuredBy\": \"the share of new starters living in the footprint\","
        + " \"partners\": [{\"organisationId\": \""
        + icbBody.id()
        + "\", \"role\": \"funder\"}, {\"organisationId\": \""
        + kent.id()
        + "\", \"role\": \"lead\"}],"
        + " \"policies\": [\"public-sector-decarbonisation-scheme\", \"social-value-act-2012\"],"
        + " \"pilot\": {\"places\": [\""
        + place
        + "\"], \"whom\": \"young people not in work\", \"from\": \"2026-04-01\", \"to\":"
        + " \"2027-03-31\", \"cost\": \"125000.50\"}}";
  }

  private static String move(String from, String to) {
    return "{\"from\": \""
        + from
        + "\", \"to\": \""
        + to
        + "\", \"decision\": \"Move to "
        + to
        + "\", \"reason\": \"Because the board agreed on "
        + to
        + "\"}";
  }

  private static JsonNode policy(JsonNode proposition, String id) {
    for (JsonNode p : proposition.get("policies")) {
      if (p.get("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no policy " + id);
  }

  private int moved() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where icb_code = ? and action = ?",
        Integer.class,
        ICB,
        "proposition.moved");
  }

  private int count() {
    return jdbc.queryForObject(
        "select count(*) from question_proposition where icb_code = ?", Integer.class, ICB);
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
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

  private String page(String path, RequestPostProcessor who, int expected) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private static AnchorOrganisation named(List<AnchorOrganisation> all, String name) {
    return all.stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    name + " not among " + all.stream().map(AnchorOrganisation::name).toList()));
  }
}
