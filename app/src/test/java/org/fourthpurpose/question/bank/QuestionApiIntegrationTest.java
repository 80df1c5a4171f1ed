package org.fourthpurpose.question.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.fourthpurpose.indicator.IndicatorCatalogue;
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
 * The question bank through the public API, and a workspace's questions through its API: adopted,
 * edited (keeping the bank link), added, removed and agreed as priorities by an editor, read by a
 * viewer, refused to another workspace, and every bad request refused with nothing changed.
 */
@ApplicationTest
class QuestionApiIntegrationTest {

  static final String ICB = "E54000029";
  static final String OTHER = "E54000031";
  static final String API = "/api/v1/workspaces/" + ICB + "/questions";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired IndicatorCatalogue catalogue;

  AnchorFixture fixture;
  Person editor;
  Person viewer;
  Person otherEditor;

  @BeforeEach
  void people() {
    forget(jdbc, ICB);
    forget(jdbc, OTHER);
    fixture = new AnchorFixture(mvc, accounts);
    editor = fixture.person(ICB, WorkspaceRole.EDITOR);
    viewer = fixture.person(ICB, WorkspaceRole.VIEWER);
    otherEditor = fixture.person(OTHER, WorkspaceRole.EDITOR);
  }

  @AfterEach
  void cleanUp() {
    forget(jdbc, ICB);
    forget(jdbc, OTHER);
  }

  static void forget(JdbcTemplate jdbc, String icb) {
    jdbc.update(
        "delete from question_score where question_id in (select id from question_workspace"
            + " where icb_code = ?)",
        icb);
    jdbc.update("delete from question_workspace where icb_code = ?", icb);
    jdbc.update("delete from question_weight where icb_code = ?", icb);
  }

  @Test
  void theBankIsPublicAndCoversEveryThemeWithTheSeedsThreeReframings() throws Exception {
    JsonNode bank = fixture.json(fixture.get(null, "/api/v1/questions", 200));
    assertThat(bank).hasSize(27);
    Set<String> themes = new HashSet<>();
    for (JsonNode q : bank) {
      themes.add(q.get("theme").asString());
      assertThat(q.get("id").asString()).isNotBlank();
      assertThat(q.get("transactional").asString()).isNotBlank();
      assertThat(q.get("transformational").asString()).isNotBlank();
      for (JsonNode indicator : q.get("indicatorIds")) {
        assertThat(catalogue.indicator(indicator.asString())).isPresent();
      }
    }
    Set<String> catalogueThemes = new HashSet<>();
    catalogue.themes().forEach(t -> catalogueThemes.add(t.code()));
    assertThat(themes).isEqualTo(catalogueThemes).hasSize(9);
    assertThat(transformational(bank, "employment-productive-place"))
        .isEqualTo("How can we develop a more productive place?");
    assertThat(transformational(bank, "local-economy-high-street"))
        .isEqualTo(
            "How can integrated public services support the diversity and sustainability of the"
                + " high street?");
    assertThat(transformational(bank, "environment-net-zero-economy"))
        .isEqualTo("What are the challenges in moving to a net zero local economy?");
    JsonNode one =
        fixture.json(fixture.get(null, "/api/v1/questions/employment-productive-place", 200));
    assertThat(one.get("partners").toString()).contains("\"fe-college\"");
    assertThat(one.get("policyIds").toString()).contains("\"growth-and-skills-levy\"");
    fixture.get(null, "/api/v1/questions/no-such-entry", 404);
  }

  @Test
  void anEditorAdoptsEditsAndRemovesAQuestionKeepingTheLinkToTheBank() throws Exception {
    long edits = count("question.edited");
    long removals = count("question.removed");
    JsonNode adopted = adopt(editor, "housing-key-worker-homes", 201);
    long id = adopted.get("id").asLong();
    assertThat(adopted.get("bankId").asString()).isEqualTo("housing-key-worker-homes");
    assertThat(adopted.get("theme").asString()).isEqualTo("housing");
    assertThat(adopted.get("indicatorIds").toString())
        .isEqualTo(
            "[\"housing-affordability\",\"net-additional-dwellings\",\"iod2025-housing-services-score\"]");
    assertThat(adopted.get("priority").asBoolean()).isFalse();
    assertThat(adopted.get("rank").isNull()).isTrue();

    String body =
        "{\"theme\":\"housing\",\"transactional\":\"Where do our nurses live?\","
            + "\"transformational\":\"How can public land give Cumbrian key workers homes?\","
            + "\"indicatorIds\":[\"housing-affordability\"],\"policyIds\":[\"nhs-capital\"]}";
    JsonNode edited =
        fixture.json(fixture.expect(editor.bearer(json(put(API + "/" + id), body)), 200));
    assertThat(edited.get("bankId").asString()).isEqualTo("housing-key-worker-homes");
    assertThat(edited.get("transformational").asString())
        .isEqualTo("How can public land give Cumbrian key workers homes?");
    assertThat(edited.get("transactional").asString()).isEqualTo("Where do our nurses live?");
    assertThat(edited.get("indicatorIds").toString()).isEqualTo("[\"housing-affordability\"]");

    JsonNode read = fixture.json(fixture.getWithToken(viewer, API + "/" + id, 200));
    assertThat(read.get("transformational").asString())
        .isEqualTo("How can public land give Cumbrian key workers homes?");
    assertThat(count("question.edited")).isEqualTo(edits + 1);

    fixture.expect(editor.bearer(delete(API + "/" + id)), 204);
    fixture.getWithToken(viewer, API + "/" + id, 404);
    assertThat(fixture.json(fixture.getWithToken(viewer, API, 200))).isEmpty();
    assertThat(count("question.removed")).isEqualTo(removals + 1);
  }

  @Test
  void anEditorAddsTheWorkspacesOwnQuestionWithoutATransactionalOne() throws Exception {
    String body =
        "{\"theme\":\"communities\",\"transformational\":\"How can our coast be a place people"
            + " choose to stay?\",\"indicatorIds\":[\"crime-severity\",\"sports-facilities\"]}";
    JsonNode own = fixture.json(fixture.expect(editor.bearer(json(post(API), body)), 201));
    assertThat(own.get("bankId").isNull()).isTrue();
    assertThat(own.get("transactional").isNull()).isTrue();
    assertThat(own.get("policyIds")).isEmpty();
    assertThat(own.get("indicatorIds").toString())
        .isEqualTo("[\"crime-severity\",\"sports-facilities\"]");
  }

  @Test
  void agreedPrioritiesTakeTheirRankWithARationaleAndCloseUpWhenWithdrawn() throws Exception {
    long agreements = count("question.priority-agreed");
    long withdrawals = count("question.priority-withdrawn");
    long a = adopt(editor, "employment-productive-place", 201).get("id").asLong();
    long b = adopt(editor, "environment-net-zero-economy", 201).get("id").asLong();
    long c = adopt(editor, "local-economy-high-street", 201).get("id").asLong();
    agree(a, "{\"rationale\":\"Largest gap in productivity\"}", 200);
    agree(b, "{\"rationale\":\"Partners already lead on net zero\"}", 200);
    JsonNode third = agree(c, "{\"rationale\":\"Town centre plan due\",\"rank\":1}", 200);
    assertThat(third.get("rank").asInt()).isEqualTo(1);
    List<String> order = new ArrayList<>();
    for (JsonNode q : fixture.json(fixture.getWithToken(viewer, API, 200))) {
      order.add(q.get("id").asLong() + ":" + q.get("rank"));
    }
    assertThat(order).containsExactly(c + ":1", a + ":2", b + ":3");

    fixture.expect(editor.bearer(delete(API + "/" + c + "/priority")), 200);
    JsonNode first = fixture.json(fixture.getWithToken(viewer, API + "/" + a, 200));
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("priorityRationale").asString()).isEqualTo("Largest gap in productivity");
    JsonNode withdrawn = fixture.json(fixture.getWithToken(viewer, API + "/" + c, 200));
    assertThat(withdrawn.get("priority").asBoolean()).isFalse();
    assertThat(withdrawn.get("rank").isNull()).isTrue();
    assertThat(count("question.priority-agreed")).isEqualTo(agreements + 3);
    assertThat(count("question.priority-withdrawn")).isEqualTo(withdrawals + 1);
  }

  @Test
  void badRequestsAreRefusedWithAClearMessageAndChangeNothing() throws Exception {
    long id = adopt(editor, "skills-early-years", 201).get("id").asLong();
    String before = fixture.getWithToken(viewer, API, 200);
    long audited = total();

    assertThat(problem(adopt(editor, "skills-early-years", 409))).contains("already adopted");
    assertThat(problem(adopt(editor, "no-such-entry", 404))).contains("no entry no-such-entry");
    assertThat(
            fixture.expect(
                editor.bearer(
                    json(
                        post(API),
                        "{\"theme\":\"weather\",\"transformational\":\"Why?\","
                            + "\"indicatorIds\":[\"not-an-indicator\"]}")),
                400))
        .contains("\"field\":\"theme\"")
        .contains("The theme must be one of")
        .contains("Not in the indicator catalogue: not-an-indicator");
    assertThat(
            fixture.expect(
                editor.bearer(
                    json(post(API), "{\"theme\":\"housing\",\"transformational\":\" \"}")),
                400))
        .contains("Enter the transformational question");
    assertThat(
            fixture.expect(
                editor.bearer(
                    json(
                        put(API + "/" + id),
                        "{\"theme\":\"skills\",\"transformational\":\"x\","
                            + "\"policyIds\":[\"no-such-policy\"]}")),
                400))
        .contains("Not in the policies and funding catalogue: no-such-policy");
    assertThat(
            fixture.expect(
                editor.bearer(
                    json(
                        put(API + "/" + id),
                        "{\"theme\":\"skills\",\"transformational\":\"" + "x".repeat(501) + "\"}")),
                400))
        .contains("500 characters");
    assertThat(fixture.expect(editor.bearer(json(put(API + "/" + id + "/priority"), "{}")), 400))
        .contains("Say why the partnership agreed this question as a priority");
    assertThat(
            fixture.expect(
                editor.bearer(
                    json(put(API + "/" + id + "/priority"), "{\"rationale\":\"x\",\"rank\":5}")),
                400))
        .contains("The rank must be a whole number from 1 to 1");
    fixture.expect(editor.bearer(delete(API + "/" + id + "/priority")), 409);
    fixture.expect(editor.bearer(json(post(API), "{not json")), 400);

    assertThat(fixture.getWithToken(viewer, API, 200)).isEqualTo(before);
    assertThat(total()).isEqualTo(audited);
  }

  @Test
  void viewersReadOnlyAndAnotherWorkspaceSeesNothing() throws Exception {
    long id = adopt(editor, "health-healthy-workplaces", 201).get("id").asLong();
    adopt(viewer, "health-wellbeing-communities", 403);
    fixture.expect(viewer.bearer(delete(API + "/" + id)), 403);
    fixture.expect(
        viewer.bearer(json(put(API + "/" + id + "/priority"), "{\"rationale\":\"x\"}")), 403);

    assertThat(fixture.getWithToken(otherEditor, API, 403)).doesNotContain("workplaces");
    fixture.getWithToken(otherEditor, API + "/" + id, 403);
    fixture.expect(otherEditor.bearer(delete(API + "/" + id)), 403);
    // Through its own workspace's path, another workspace's question does not exist.
    String otherApi = "/api/v1/workspaces/" + OTHER + "/questions/" + id;
    fixture.getWithToken(otherEditor, otherApi, 404);
    fixture.expect(otherEditor.bearer(delete(otherApi)), 404);
    fixture.expect(
        otherEditor.bearer(
            json(put(otherApi), "{\"theme\":\"health\",\"transformational\":\"Taken over\"}")),
        404);
    fixture.expect(get(API), 401);
    assertThat(
            fixture
                .json(fixture.getWithToken(viewer, API + "/" + id, 200))
                .get("transformational")
                .asString())
        .isEqualTo("How can workplaces across the place become places that improve health?");
  }

  private JsonNode adopt(Person who, String bankId, int status) throws Exception {
    return fixture.json(
        fixture.expect(who.bearer(json(post(API), "{\"bankId\":\"" + bankId + "\"}")), status));
  }

  private JsonNode agree(long id, String body, int status) throws Exception {
    return fixture.json(
        fixture.expect(editor.bearer(json(put(API + "/" + id + "/priority"), body)), status));
  }

  private static String problem(JsonNode problem) {
    return problem.get("detail").asString();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static String transformational(JsonNode bank, String id) {
    for (JsonNode q : bank) {
      if (q.get("id").asString().equals(id)) {
        return q.get("transformational").asString();
      }
    }
    throw new AssertionError("no " + id);
  }

  private long count(String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where icb_code = ? and action = ?",
        Long.class,
        ICB,
        action);
  }

  private long total() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where icb_code = ?", Long.class, ICB);
  }
}
