package org.fourthpurpose.question.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.HashMap;
import java.util.Map;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.profile.IcsProfiles;
import org.fourthpurpose.profile.ProfileRow;
import org.fourthpurpose.profile.ThemeProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Prioritisation end to end: need read from the Step 1 profile, two people's scores with their
 * disagreement, weights, the ranking and its stability, agreed priorities through the pages, bad
 * input refused with nothing changed, and another workspace kept out.
 */
@ApplicationTest
class PriorityIntegrationTest {

  static final String ICB = "E54000030";
  static final String OTHER = "E54000032";
  static final String QUESTIONS = "/api/v1/workspaces/" + ICB + "/questions";
  static final String PRIORITIES = "/api/v1/workspaces/" + ICB + "/priorities";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired IcsProfiles profiles;
  @Autowired Geography geography;

  AnchorFixture fixture;
  Person ada;
  Person bo;
  Person viewer;
  Person stranger;

  @BeforeEach
  void people() {
    forget(ICB);
    forget(OTHER);
    fixture = new AnchorFixture(mvc, accounts);
    ada = fixture.person(ICB, WorkspaceRole.EDITOR);
    bo = fixture.person(ICB, WorkspaceRole.EDITOR);
    viewer = fixture.person(ICB, WorkspaceRole.VIEWER);
    stranger = fixture.person(OTHER, WorkspaceRole.ICS_ADMIN);
  }

  @AfterEach
  void cleanUp() {
    forget(ICB);
    forget(OTHER);
  }

  void forget(String icb) {
    jdbc.update(
        "delete from question_score where question_id in (select id from question_workspace"
            + " where icb_code = ?)",
        icb);
    jdbc.update("delete from question_workspace where icb_code = ?", icb);
    jdbc.update("delete from question_weight where icb_code = ?", icb);
  }

  @Test
  void needFollowsTheSystemsProfileIndicatorByIndicator() throws Exception {
    long id =
        own(
            "{\"theme\":\"employment\",\"transformational\":\"How can more people work?\","
                + "\"indicatorIds\":[\"employment-rate\",\"economic-inactivity\","
                + "\"active-businesses\"]}");
    JsonNode row = row(priorities(viewer), id);
    JsonNode indicators = row.get("need").get("indicators");
    assertThat(indicators).hasSize(3);
    Map<String, ProfileRow> profile = profile(ICB);
    double sum = 0;
    for (int i = 0; i < 2; i++) {
      JsonNode indicator = indicators.get(i);
      ProfileRow p = profile.get(indicator.get("id").asString());
      System.out.println(
          "NEED "
              + indicator
              + " profile value="
              + p.area().value()
              + " worse="
              + p.worse()
              + " worseThanComparator="
              + p.worseThanComparator()
              + " rank="
              + p.rank()
              + " of "
              + p.ranked());
      assertThat(indicator.get("worseThanEngland").asBoolean()).isEqualTo(p.worse());
      assertThat(indicator.get("worseThanComparator").asBoolean())
          .isEqualTo(p.worseThanComparator());
      assertThat(indicator.get("rank").asInt()).isEqualTo(p.rank());
      assertThat(indicator.get("ranked").asInt()).isEqualTo(p.ranked());
      assertThat(indicator.get("value").asString()).isEqualTo(p.value());
      double expected =
          (p.worse() ? 0.5 : 0)
              + (p.worseThanComparator() ? 0.25 : 0)
              + 0.25 * (p.rank() - 1) / (p.ranked() - 1);
      assertThat(indicator.get("points").asDouble()).isCloseTo(expected, within(1e-9));
      sum += expected;
    }
    // Active businesses has no better direction: shown, but it adds nothing to need.
    JsonNode context = indicators.get(2);
    assertThat(context.get("id").asString()).isEqualTo("active-businesses");
    assertThat(context.get("points").isNull()).isTrue();
    assertThat(context.get("note").asString()).startsWith("Neither higher nor lower is better");
    assertThat(row.get("need").get("value").asDouble()).isCloseTo(sum / 2, within(1e-9));
    // With need the only weight, the score is need out of 100.
    weights(ada, "{\"need\":1,\"appetite\":0,\"leverage\":0,\"feasibility\":0,\"fit\":0}", 200);
    assertThat(row(priorities(viewer), id).get("score").asDouble())
        .isCloseTo(100 * sum / 2, within(1e-9));
    String page =
        fixture.get(viewer.session(), "/workspaces/" + ICB + "/priorities/questions/" + id, 200);
    assertThat(page).contains("Employment rate").contains("Neither higher nor lower is better");
  }

  @Test
  void twoPeopleScoreTheQuestionsAndTheirDisagreementIsFlagged() throws Exception {
    long q1 = adopt("employment-productive-place");
    long q2 = adopt("skills-shared-talent-pipeline");
    long q3 = adopt("housing-health-and-homes");
    long q4 = adopt("environment-net-zero-economy");
    long scored = count("question.scored");
    weights(ada, "{\"need\":0,\"appetite\":0,\"leverage\":0,\"feasibility\":1,\"fit\":1}", 200);
    score(ada, q1, "{\"feasibility\":5,\"fit\":4}", 200);
    score(bo, q1, "{\"feasibility\":2,\"fit\":4}", 200);
    score(ada, q2, "{\"feasibility\":3,\"fit\":3}", 200);
    score(ada, q3, "{\"feasibility\":1,\"fit\":1}", 200);
    JsonNode view = fixture.json(score(ada, q4, "{\"feasibility\":4,\"fit\":2}", 200));
    assertThat(count("question.scored")).isEqualTo(scored + 5);

    // q1: feasibility mean 3.5 -> 0.625, fit 4 -> 0.75, score 68.75; q2 and q4 both 50 (q2 is
    // older, so first); q3 0.
    JsonNode ranking = view.get("ranking");
    assertThat(ranking)
        .extracting(r -> r.get("questionId").asLong())
        .containsExactly(q1, q2, q4, q3);
    assertThat(ranking.get(0).get("score").asDouble()).isCloseTo(68.75, within(1e-9));
    assertThat(ranking.get(0).get("values").get("feasibility").asDouble())
        .isCloseTo(0.625, within(1e-9));
    assertThat(ranking.get(1).get("score").asDouble()).isCloseTo(50.0, within(1e-9));
    assertThat(ranking.get(2).get("score").asDouble()).isCloseTo(50.0, within(1e-9));
    assertThat(ranking.get(3).get("score").asDouble()).isCloseTo(0.0, within(1e-9));
    assertThat(ranking.get(0).get("disagreement").asBoolean()).isTrue();
    assertThat(ranking.get(0).get("scores")).hasSize(2);
    assertThat(view.get("disagreements")).hasSize(1);
    JsonNode d = view.get("disagreements").get(0);
    assertThat(d.get("questionId").asLong()).isEqualTo(q1);
    assertThat(d.get("criterion").asString()).isEqualTo("feasibility");
    assertThat(d.get("spread").asInt()).isEqualTo(3);
    assertThat(view.get("audited").asBoolean()).isFalse();
    // Two criteria weighted, three changes each: the top 3 (q1, q2, q4) holds in all six.
    JsonNode stability = view.get("stability");
    assertThat(stability.get("scenarios")).hasSize(6);
    assertThat(stability.get("top"))
        .extracting(t -> t.get("questionId").asLong() + ":" + t.get("stays").asInt())
        .containsExactly(q1 + ":6", q2 + ":6", q4 + ":6");

    String page = fixture.get(viewer.session(), "/workspaces/" + ICB + "/priorities", 200);
    assertThat(page)
        .contains("How can we develop a more productive place?")
        .contains("68.8")
        .contains("Disagreement")
        .contains("scored 5, 2 (spread 3)")
        .contains("stays in the top 3 in 6 of 6 changed weightings")
        .contains("No relationship audit results yet")
        .doesNotContain("id=\"save-weights\"");
    assertThat(fixture.get(ada.session(), "/workspaces/" + ICB + "/priorities", 200))
        .contains("id=\"save-weights\"")
        .contains("id=\"save-scores\"");

    // Scores saved through the page: Bo scores q2 and leaves q1 as it was.
    fixture.expect(
        post("/workspaces/" + ICB + "/priorities/scores")
            .with(bo.session())
            .with(csrf())
            .param("feasibility-" + q1, "2")
            .param("fit-" + q1, "4")
            .param("feasibility-" + q2, "5")
            .param("fit-" + q2, ""),
        302);
    JsonNode after = priorities(viewer);
    assertThat(row(after, q2).get("feasibility").asDouble()).isCloseTo(4.0, within(1e-9));
    assertThat(row(after, q2).get("fit").asDouble()).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void prioritiesAreAgreedThroughThePagesWithARationale() throws Exception {
    long q1 = adopt("communities-safer-places");
    long before = count("question.priority-agreed");
    String form = "/workspaces/" + ICB + "/questions/" + q1 + "/priority";
    String refused =
        fixture.expect(
            post(form).with(ada.session()).with(csrf()).param("rationale", " ").param("rank", ""),
            400);
    assertThat(refused)
        .contains("There is a problem")
        .contains("Say why the partnership agreed this question as a priority");
    assertThat(
            fixture.expect(
                post(form)
                    .with(ada.session())
                    .with(csrf())
                    .param("rationale", "x")
                    .param("rank", "two"),
                400))
        .contains("The rank must be a whole number");
    fixture.expect(
        post(form)
            .with(ada.session())
            .with(csrf())
            .param("rationale", "Violence costs the most years of healthy life here")
            .param("rank", ""),
        302);
    assertThat(count("question.priority-agreed")).isEqualTo(before + 1);
    String list = fixture.get(viewer.session(), "/workspaces/" + ICB + "/questions", 200);
    assertThat(list)
        .contains("Why: Violence costs the most years of healthy life here")
        .contains("Priority 1");
    assertThat(priorities(viewer).get("agreed").get(0).get("id").asLong()).isEqualTo(q1);
    fixture.expect(post(form).with(viewer.session()).with(csrf()).param("rationale", "x"), 403);
  }

  @Test
  void badWeightsAndScoresAreRefusedAndNothingChanges() throws Exception {
    long q1 = adopt("access-digital-inclusion");
    score(ada, q1, "{\"feasibility\":3}", 200);
    String before = fixture.getWithToken(viewer, PRIORITIES, 200);
    long audited =
        jdbc.queryForObject("select count(*) from audit_entry where icb_code = ?", Long.class, ICB);

    assertThat(
            weights(
                ada,
                "{\"need\":11,\"appetite\":0,\"leverage\":0,\"feasibility\":1,\"fit\":1}",
                400))
        .contains("\"field\":\"need\"")
        .contains("must be a whole number from 0 to 10");
    assertThat(weights(ada, "{\"need\":1}", 400)).contains("Enter a weight for partner appetite");
    assertThat(
            weights(
                ada, "{\"need\":0,\"appetite\":0,\"leverage\":0,\"feasibility\":0,\"fit\":0}", 400))
        .contains("Give at least one criterion a weight above 0");
    assertThat(
            weights(
                ada,
                "{\"need\":1,\"appetite\":1,\"leverage\":1,\"feasibility\":1,\"fit\":1,\"luck\":1}",
                400))
        .contains("Not a criterion");
    assertThat(
            weights(
                ada,
                "{\"need\":1.5,\"appetite\":1,\"leverage\":1,\"feasibility\":1,\"fit\":1}",
                400))
        .contains("Must be a whole number");
    assertThat(score(ada, q1, "{\"feasibility\":6}", 400)).contains("must be 1 to 5");
    assertThat(score(ada, q1, "{\"fit\":\"high\"}", 400)).contains("must be 1 to 5");
    assertThat(score(ada, q1, "{\"need\":5}", 400))
        .contains("People score only feasibility and fit");
    assertThat(score(ada, q1, "{}", 400)).contains("Send a JSON object");
    assertThat(score(ada, 987654321L, "{\"fit\":3}", 404)).contains("no question 987654321");
    assertThat(
            fixture.expect(
                post("/workspaces/" + ICB + "/priorities/weights")
                    .with(ada.session())
                    .with(csrf())
                    .param("weight-need", "-1")
                    .param("weight-appetite", "1")
                    .param("weight-leverage", "1")
                    .param("weight-feasibility", "1")
                    .param("weight-fit", "1"),
                400))
        .contains("There is a problem")
        .contains("href=\"#weight-need\"");

    assertThat(fixture.getWithToken(viewer, PRIORITIES, 200)).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where icb_code = ?", Long.class, ICB))
        .isEqualTo(audited);
  }

  @Test
  void anotherWorkspaceCannotReadOrChangeThisOnesPriorities() throws Exception {
    long q1 = adopt("income-child-poverty");
    fixture.getWithToken(stranger, PRIORITIES, 403);
    weights(
        stranger, "{\"need\":1,\"appetite\":1,\"leverage\":1,\"feasibility\":1,\"fit\":1}", 403);
    score(stranger, q1, "{\"fit\":3}", 403);
    fixture.get(stranger.session(), "/workspaces/" + ICB + "/priorities", 403);
    fixture.get(stranger.session(), "/workspaces/" + ICB + "/questions", 403);
    // Through its own workspace, this workspace's question does not exist.
    fixture.expect(
        stranger.bearer(
            json(
                put("/api/v1/workspaces/" + OTHER + "/questions/" + q1 + "/scores"),
                "{\"fit\":3}")),
        404);
    fixture.expect(get(PRIORITIES), 401);
    assertThat(row(priorities(viewer), q1).get("scores")).isEmpty();
  }

  @Test
  void thePublicPagesListTheBankAndPoliciesAndAWorkspaceAdoptsThroughItsPage() throws Exception {
    assertThat(fixture.get(null, "/questions", 200))
        .contains("How can we develop a more productive place?")
        .contains("Safe and connected communities");
    assertThat(fixture.get(null, "/policies", 200))
        .contains("Public Services (Social Value) Act 2012")
        .contains("Changing");
    assertThat(fixture.get(null, "/policies/provider-selection-regime", 200))
        .contains("1 January 2024")
        .contains("Shipped with Fourth Purpose (version 1)");
    fixture.get(null, "/policies/no-such-policy", 404);
    fixture.expect(
        post("/workspaces/" + ICB + "/questions/adopt")
            .with(ada.session())
            .with(csrf())
            .param("bankId", "health-healthy-life-expectancy"),
        302);
    String list = fixture.get(ada.session(), "/workspaces/" + ICB + "/questions", 200);
    assertThat(list)
        .contains("How can partners add years of healthy life")
        .doesNotContain("id=\"adopt-health-healthy-life-expectancy\"")
        .contains("id=\"adopt-health-healthy-workplaces\"");
    long id = fixture.json(fixture.getWithToken(viewer, QUESTIONS, 200)).get(0).get("id").asLong();
    String refused =
        fixture.expect(
            post("/workspaces/" + ICB + "/questions/" + id + "/edit")
                .with(ada.session())
                .with(csrf())
                .param("theme", "health")
                .param("transformational", "")
                .param("indicatorIds", "hle-male"),
            400);
    assertThat(refused)
        .contains("There is a problem")
        .contains("Enter the transformational question");
    fixture.expect(
        post("/workspaces/" + ICB + "/questions/" + id + "/edit")
            .with(ada.session())
            .with(csrf())
            .param("theme", "health")
            .param("transformational", "How can we add healthy years in our coastal towns?")
            .param("indicatorIds", "hle-male")
            .param("indicatorIds", "hle-female"),
        302);
    JsonNode q = fixture.json(fixture.getWithToken(viewer, QUESTIONS + "/" + id, 200));
    assertThat(q.get("bankId").asString()).isEqualTo("health-healthy-life-expectancy");
    assertThat(q.get("indicatorIds").toString()).isEqualTo("[\"hle-male\",\"hle-female\"]");
    assertThat(q.get("policyIds")).isEmpty();
    assertThat(fixture.get(ada.session(), "/workspaces/" + ICB + "/questions", 200))
        .contains("From the bank, reworded");
  }

  @Test
  void partnerAppetiteComesFromTheRelationshipAuditForTheQuestionsPartnerSectors()
      throws Exception {
    long productive = adopt("employment-productive-place");
    long vcse = adopt("communities-vcse-partnership");
    long audit =
        fixture
            .json(
                fixture.expect(
                    ada.bearer(
                        json(
                            post("/api/v1/workspaces/" + ICB + "/audits"),
                            "{\"title\":\"Partners on the NHS\"}")),
                    201))
            .get("id")
            .asLong();
    Map<String, Integer> answers = Map.of("local-authority", 4, "nhs-trust", 2);
    for (var sector : answers.entrySet()) {
      JsonNode links =
          fixture.json(
              fixture.expect(
                  ada.bearer(
                      json(
                          post("/api/v1/workspaces/" + ICB + "/audits/" + audit + "/links"),
                          "{\"count\":5,\"sector\":\"" + sector.getKey() + "\"}")),
                  201));
      for (JsonNode link : links) {
        String token = link.get("token").asString();
        long appetite = -1;
        for (JsonNode q :
            fixture
                .json(fixture.get(null, "/api/v1/audit-responses/" + token, 200))
                .get("questions")) {
          if (q.get("appetite").asBoolean()) {
            appetite = q.get("id").asLong();
          }
        }
        fixture.expect(
            json(
                post("/api/v1/audit-responses/" + token),
                "{\"answers\":{\"" + appetite + "\":" + sector.getValue() + "}}"),
            201);
      }
    }
    weights(ada, "{\"need\":0,\"appetite\":1,\"leverage\":0,\"feasibility\":0,\"fit\":0}", 200);
    JsonNode view = priorities(viewer);
    assertThat(view.get("audited").asBoolean()).isTrue();
    // The productive place draws in trusts (2) and councils (4): mean 3, so (3 - 1) / 4 = 0.5.
    assertThat(row(view, productive).get("appetite").asDouble()).isCloseTo(3.0, within(1e-9));
    assertThat(row(view, productive).get("score").asDouble()).isCloseTo(50.0, within(1e-9));
    // The voluntary sector question draws in councils only (no VCSE links): 4, so 75.
    assertThat(row(view, vcse).get("appetite").asDouble()).isCloseTo(4.0, within(1e-9));
    assertThat(row(view, vcse).get("score").asDouble()).isCloseTo(75.0, within(1e-9));
    assertThat(view.get("ranking").get(0).get("questionId").asLong()).isEqualTo(vcse);
  }

  private Map<String, ProfileRow> profile(String icb) {
    Map<String, ProfileRow> rows = new HashMap<>();
    for (ThemeProfile t :
        profiles.profile(geography.requireIcb(icb), ComparatorChoice.NEIGHBOURS, null).themes()) {
      t.rows().forEach(r -> rows.put(r.indicator().id(), r));
    }
    return rows;
  }

  private long adopt(String bankId) throws Exception {
    return fixture
        .json(
            fixture.expect(
                ada.bearer(json(post(QUESTIONS), "{\"bankId\":\"" + bankId + "\"}")), 201))
        .get("id")
        .asLong();
  }

  private long own(String body) throws Exception {
    return fixture
        .json(fixture.expect(ada.bearer(json(post(QUESTIONS), body)), 201))
        .get("id")
        .asLong();
  }

  private JsonNode priorities(Person who) throws Exception {
    return fixture.json(fixture.getWithToken(who, PRIORITIES, 200));
  }

  private String weights(Person who, String body, int status) throws Exception {
    return fixture.expect(who.bearer(json(put(PRIORITIES + "/weights"), body)), status);
  }

  private String score(Person who, long id, String body, int status) throws Exception {
    return fixture.expect(who.bearer(json(put(QUESTIONS + "/" + id + "/scores"), body)), status);
  }

  private static JsonNode row(JsonNode view, long id) {
    for (JsonNode r : view.get("ranking")) {
      if (r.get("questionId").asLong() == id) {
        return r;
      }
    }
    throw new AssertionError("no question " + id + " in " + view);
  }

  private long count(String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where icb_code = ? and action = ?",
        Long.class,
        ICB,
        action);
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
