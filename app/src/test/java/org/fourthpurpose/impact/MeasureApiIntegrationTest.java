package org.fourthpurpose.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures through the API: created, changed and removed by editors, read by viewers, refused for
 * bad input with the field, line and column; values imported all or nothing; SPC results checked
 * against figures worked out by hand; rebases audited; and no person of one workspace reaching
 * another's measures.
 */
@ApplicationTest
class MeasureApiIntegrationTest {

  static final String ICB = "E54000029";
  static final String OTHER = "E54000031";
  static final String API = "/api/v1/workspaces/" + ICB + "/measures";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A year of baseline around 50, then seven months all above it. */
  static final String VALUES =
      "period,value\n"
          + "2024-01,50\n2024-02,52\n2024-03,49\n2024-04,51\n2024-05,50\n2024-06,48\n"
          + "2024-07,52\n2024-08,51\n2024-09,49\n2024-10,50\n2024-11,51\n2024-12,47\n"
          + "2025-01,53\n2025-02,54\n2025-03,53\n2025-04,55\n2025-05,54\n2025-06,53\n"
          + "2025-07,52\n";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  String editor;
  String viewer;
  String otherEditor;

  @BeforeEach
  void people() {
    forget(jdbc, ICB);
    forget(jdbc, OTHER);
    editor = token(ICB, WorkspaceRole.EDITOR);
    viewer = token(ICB, WorkspaceRole.VIEWER);
    otherEditor = token(OTHER, WorkspaceRole.EDITOR);
  }

  @AfterEach
  void cleanUp() {
    forget(jdbc, ICB);
    forget(jdbc, OTHER);
  }

  static void forget(JdbcTemplate jdbc, String icb) {
    jdbc.update("delete from impact_measure where icb_code = ?", icb);
    jdbc.update("delete from impact_report where icb_code = ?", icb);
  }

  @Test
  void readsAShiftAboveTheBaselineExactlyAsWorkedOutByHand() throws Exception {
    long id =
        create(
            "{\"name\":\"Local residents in entry-level posts\",\"unit\":\"%\","
                + "\"improvement\":\"increase\",\"target\":53,\"targetDate\":\"2027-03-31\","
                + "\"baselineEnd\":\"2024-12-31\"}");
    JsonNode imported =
        JSON.readTree(call(editor, csv(post(API + "/" + id + "/values/imports"), VALUES), 201));
    assertThat(imported.get("imported").asInt()).isEqualTo(19);

    JsonNode spc = JSON.readTree(call(viewer, get(API + "/" + id + "/spc"), 200));
    // Limits fixed on the 12 baseline values: mean 50; moving ranges 2,3,2,1,2,4,1,2,1,1,4
    // average 23/11 (none screened: all under 3.267 times it); limits 50 -/+ 2.66 x 23/11.
    double amr = 23.0 / 11;
    JsonNode points = spc.get("points");
    assertThat(points).hasSize(19);
    for (JsonNode p : points) {
      assertThat(p.get("mean").asDouble()).isCloseTo(50, within(1e-9));
      assertThat(p.get("upl").asDouble()).isCloseTo(50 + 2.66 * amr, within(1e-9));
      assertThat(p.get("lpl").asDouble()).isCloseTo(50 - 2.66 * amr, within(1e-9));
    }
    // The baseline is common cause; 2025's seven values are all above the mean. Two sigma is
    // 50 + 2 x 2.66 / 3 x 23/11 = 53.708: 54 (Feb), 55 (Apr) and 54 (May) are beyond it, so Feb
    // and Apr are 2 of the 3 of Feb-Apr and Apr and May 2 of the 3 of Mar-May (the rule comes
    // before the run); the others are marked by the run of 7 above the mean.
    List<String> rules = new ArrayList<>();
    points.forEach(p -> rules.add(p.get("rule").isNull() ? "-" : p.get("rule").asString()));
    assertThat(rules)
        .containsExactly(
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "shift",
            "two_in_three",
            "shift",
            "two_in_three",
            "two_in_three",
            "shift",
            "shift");
    assertThat(points.get(18).get("pointType").asString()).isEqualTo("special_cause_improvement");
    assertThat(points.get(0).get("pointType").asString()).isEqualTo("common_cause");
    assertThat(spc.get("variationType").asString()).isEqualTo("special_cause_improvement");
    assertThat(spc.get("assuranceType").asString()).isEqualTo("inconsistent");
    assertThat(spc.get("reading").asString())
        .isEqualTo(
            "Special cause improvement since January 2025: 7 points above the mean; the target of"
                + " 53% lies within the limits, so it will be met only some of the time.");

    JsonNode list = JSON.readTree(call(viewer, get(API), 200));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("latestValue").asDouble()).isEqualTo(52);
    assertThat(list.get(0).get("latestPeriod").asString()).isEqualTo("2025-07-01");
    assertThat(list.get(0).get("values").asInt()).isEqualTo(19);

    // The CSV of SPC results has the same figures, one row per value.
    String csv = call(viewer, get(API + "/" + id + "/spc").accept("text/csv"), 200);
    String[] lines = csv.split("\r?\n");
    assertThat(lines[0]).isEqualTo("x,label,y,mean,lpl,upl,rebaseGroup,pointType,rule");
    assertThat(lines).hasSize(20);
    assertThat(lines[19])
        .startsWith("2025-07-01,2025-07,52,50,")
        .endsWith(",0,special_cause_improvement,shift");
  }

  @Test
  void aRebaseWithItsReasonStartsNewLimitsAndWithholdsTheIconsUntilTwelveValues() throws Exception {
    long id = create("{\"name\":\"Rebased\",\"unit\":\"people\",\"improvement\":\"decrease\"}");
    call(editor, csv(post(API + "/" + id + "/values/imports"), VALUES), 201);
    call(
        editor,
        json(post(API + "/" + id + "/rebases"), "{\"date\":\"2025-01-01\",\"reason\":\"\"}"),
        400);
    JsonNode rebase =
        JSON.readTree(
            call(
                editor,
                json(
                    post(API + "/" + id + "/rebases"),
                    "{\"date\":\"2025-01-01\",\"reason\":\"New triage service from January\"}"),
                201));
    JsonNode spc = JSON.readTree(call(viewer, get(API + "/" + id + "/spc"), 200));
    assertThat(spc.get("summary")).hasSize(2);
    assertThat(spc.get("summary").get(0).get("n").asInt()).isEqualTo(12);
    assertThat(spc.get("summary").get(1).get("n").asInt()).isEqualTo(7);
    // Seven values since the rebase: mean (53+54+53+55+54+53+52)/7 = 374/7, no limits yet.
    assertThat(spc.get("summary").get(1).get("mean").asDouble()).isCloseTo(374.0 / 7, within(1e-9));
    assertThat(spc.get("summary").get(1).get("upl").isNull()).isTrue();
    assertThat(spc.get("variationType").isNull()).isTrue();
    assertThat(spc.get("reading").asString())
        .isEqualTo(
            "Rebased in January 2025: only 7 values since, and the new limits need at least 12,"
                + " so no icons are shown yet.");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where icb_code = ? and action = ?"
                    + " and after_summary = ?",
                Long.class,
                ICB,
                "impact-rebase.added",
                "New triage service from January"))
        .isEqualTo(1);
    call(editor, delete(API + "/" + id + "/rebases/" + rebase.get("id").asLong()), 204);
    spc = JSON.readTree(call(viewer, get(API + "/" + id + "/spc"), 200));
    assertThat(spc.get("summary")).hasSize(1);
  }

  @Test
  void refusesAFileWithEveryProblemByLineAndColumnAndStoresNothing() throws Exception {
    long id = create("{\"name\":\"Imports\",\"unit\":\"%\",\"improvement\":\"increase\"}");
    call(editor, csv(post(API + "/" + id + "/values/imports"), "period,value\n2024-01,50\n"), 201);
    String body =
        call(
            editor,
            csv(
                post(API + "/" + id + "/values/imports").header("X-File-Name", "bad.csv"),
                "period,value\n2024-02,51\n2024-13,5\nnot-a-date,x\n2024-02,3\n,\n"),
            400);
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.get("file").asString()).isEqualTo("bad.csv");
    assertThat(problem.get("line").asLong()).isEqualTo(3);
    assertThat(problem.get("column").asInt()).isEqualTo(1);
    assertThat(problem.get("detail").asString())
        .isEqualTo(
            "bad.csv was not imported: Line 3, column A (period): '2024-13' is not a period:"
                + " write it as 2025-03-31, 31/03/2025, 2025-03, 2025-Q1, 2024/25 or 2025;"
                + " Line 4, column B (value): 'x' is not a number: write it like 54.2, without"
                + " units; Line 4, column A (period): 'not-a-date' is not a period: write it as"
                + " 2025-03-31, 31/03/2025, 2025-03, 2025-Q1, 2024/25 or 2025; Line 5, column A"
                + " (period): the same period as line 2 (2024-02)");
    JsonNode values = JSON.readTree(call(viewer, get(API + "/" + id + "/values"), 200));
    assertThat(values).hasSize(1);
    assertThat(values.get(0).get("value").asDouble()).isEqualTo(50);

    String header =
        call(editor, csv(post(API + "/" + id + "/values/imports"), "when,value\n2024,1\n"), 400);
    assertThat(JSON.readTree(header).get("detail").asString())
        .contains("Line 1, column A (when): is not a column of this file")
        .contains("the header row has no period (or date) column");
  }

  @Test
  void refusesBadMeasuresNamingTheField() throws Exception {
    assertThat(field("{\"unit\":\"%\",\"improvement\":\"increase\"}")).isEqualTo("name");
    assertThat(field("{\"name\":\"A\",\"unit\":\"%\",\"improvement\":\"up\"}"))
        .isEqualTo("improvement");
    assertThat(field("{\"name\":\"A\",\"unit\":\"%\",\"improvement\":\"neutral\",\"target\":3}"))
        .isEqualTo("target");
    assertThat(
            field(
                "{\"name\":\"A\",\"unit\":\"%\",\"improvement\":\"increase\","
                    + "\"linkKind\":\"anchor-commitment\",\"linkKey\":\"999999\"}"))
        .isEqualTo("link");
    assertThat(
            field(
                "{\"name\":\"A\",\"unit\":\"%\",\"improvement\":\"increase\","
                    + "\"linkKind\":\"horoscope\",\"linkKey\":\"1\"}"))
        .isEqualTo("link");
    assertThat(
            field(
                "{\"name\":\"A\",\"unit\":\"%\",\"improvement\":\"increase\","
                    + "\"baselineStart\":\"2025-01-01\",\"baselineEnd\":\"2024-01-01\"}"))
        .isEqualTo("baselineEnd");
    create("{\"name\":\"Twice\",\"unit\":\"%\",\"improvement\":\"increase\"}");
    assertThat(field("{\"name\":\"twice\",\"unit\":\"%\",\"improvement\":\"increase\"}"))
        .isEqualTo("name");
    assertThat(JSON.readTree(call(viewer, get(API), 200))).hasSize(1);
  }

  @Test
  void changesAndRemovesMeasuresAndValuesOnlyForEditors() throws Exception {
    long id = create("{\"name\":\"Changing\",\"unit\":\"%\",\"improvement\":\"increase\"}");
    call(
        viewer,
        json(post(API + "/" + id + "/values"), "{\"period\":\"2024-01\",\"value\":\"5\"}"),
        403);
    call(
        editor,
        json(post(API + "/" + id + "/values"), "{\"period\":\"2024-01\",\"value\":\"5\"}"),
        201);
    call(
        editor,
        json(post(API + "/" + id + "/values"), "{\"period\":\"2024-01\",\"value\":\"6.5\"}"),
        201);
    call(
        editor,
        json(post(API + "/" + id + "/values"), "{\"period\":\"2024-02\",\"value\":\"7\"}"),
        201);
    JsonNode values = JSON.readTree(call(viewer, get(API + "/" + id + "/values"), 200));
    assertThat(values).hasSize(2);
    assertThat(values.get(0).get("value").asDouble()).isEqualTo(6.5);
    call(editor, delete(API + "/" + id + "/values/2024-02-01"), 204);
    JsonNode changed =
        JSON.readTree(
            call(
                editor,
                json(
                    put(API + "/" + id),
                    "{\"name\":\"Changed\",\"unit\":\"people\",\"improvement\":\"decrease\",\"target\":4}"),
                200));
    assertThat(changed.get("name").asString()).isEqualTo("Changed");
    assertThat(changed.get("target").asDouble()).isEqualTo(4);
    assertThat(changed.get("values").asInt()).isEqualTo(1);
    assertThat(changed.get("latestVariation").isNull()).isTrue();
    assertThat(changed.get("reading").asString())
        .isEqualTo(
            "Not enough values for a chart yet: 1 value, and Making Data Count needs at least 12"
                + " before its limits and icons can be trusted.");
    call(viewer, delete(API + "/" + id), 403);
    call(editor, delete(API + "/" + id), 204);
    call(viewer, get(API + "/" + id), 404);
  }

  @Test
  void noOneOfAnotherWorkspaceReachesItsMeasures() throws Exception {
    long id = create("{\"name\":\"Private\",\"unit\":\"%\",\"improvement\":\"increase\"}");
    call(otherEditor, get(API), 403);
    call(otherEditor, get(API + "/" + id + "/spc"), 403);
    String otherApi = "/api/v1/workspaces/" + OTHER + "/measures";
    call(otherEditor, get(otherApi + "/" + id), 404);
    call(otherEditor, get(otherApi + "/" + id + "/spc"), 404);
    call(
        otherEditor,
        json(post(otherApi + "/" + id + "/values"), "{\"period\":\"2024-01\",\"value\":\"1\"}"),
        404);
    call(otherEditor, delete(otherApi + "/" + id), 404);
    assertThat(JSON.readTree(call(otherEditor, get(otherApi), 200))).isEmpty();
    assertThat(JSON.readTree(call(viewer, get(API), 200))).hasSize(1);
  }

  private long create(String body) throws Exception {
    return JSON.readTree(call(editor, json(post(API), body), 201)).get("id").asLong();
  }

  private String field(String body) throws Exception {
    return JSON.readTree(call(editor, json(post(API), body), 400)).get("field").asString();
  }

  private static AbstractMockHttpServletRequestBuilder<?> json(
      AbstractMockHttpServletRequestBuilder<?> request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static AbstractMockHttpServletRequestBuilder<?> csv(
      AbstractMockHttpServletRequestBuilder<?> request, String body) {
    return request.contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8));
  }

  private String call(String token, AbstractMockHttpServletRequestBuilder<?> request, int expected)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private String token(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return accounts.createToken(account.id(), "test").token();
  }
}
