package org.fourthpurpose.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * The impact report: what changed since the report last issued and why (a new value, a rebase and
 * its reason, a measure added and one removed), as JSON and PDF; and the measures' SPC results as
 * CSV and Excel with formulas defused, for viewers of the workspace only.
 */
@ApplicationTest
class ImpactReportIntegrationTest {

  static final String ICB = "E54000039";
  static final String OTHER = "E54000031";
  static final String API = "/api/v1/workspaces/" + ICB + "/measures";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  String editor;
  String viewer;
  String stranger;

  @BeforeEach
  void people() {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
    editor = token(ICB, WorkspaceRole.EDITOR);
    viewer = token(ICB, WorkspaceRole.VIEWER);
    stranger = token(OTHER, WorkspaceRole.EDITOR);
  }

  @AfterEach
  void cleanUp() {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
  }

  @Test
  void saysWhatChangedSinceTheLastReportAndWhy() throws Exception {
    long kept =
        create(
            "{\"name\":\"Residents in work\",\"unit\":\"%\",\"improvement\":\"increase\",\"target\":53}");
    call(
        editor,
        csv(post(API + "/" + kept + "/values/imports"), MeasureApiIntegrationTest.VALUES),
        201);
    long dropped =
        create("{\"name\":\"Dropped\",\"unit\":\"people\",\"improvement\":\"decrease\"}");

    JsonNode first = JSON.readTree(call(viewer, get(API + "/report"), 200));
    assertThat(first.get("lastIssuedAt").isNull()).isTrue();
    assertThat(first.get("changes")).isEmpty();
    assertThat(first.get("measures")).hasSize(2);
    assertThat(first.get("plan").asString()).isEqualTo("/workspaces/" + ICB + "/plan");

    call(viewer, post(API + "/report/issues"), 403);
    call(editor, post(API + "/report/issues"), 201);
    assertThat(JSON.readTree(call(viewer, get(API + "/report"), 200)).get("changes")).isEmpty();

    call(
        editor,
        json(post(API + "/" + kept + "/values"), "{\"period\":\"2025-08\",\"value\":\"60\"}"),
        201);
    call(
        editor,
        json(
            post(API + "/" + kept + "/rebases"),
            "{\"date\":\"2025-08-01\",\"reason\":\"Recruitment hub opened in August\"}"),
        201);
    call(editor, delete(API + "/" + dropped), 204);
    create("{\"name\":\"Added later\",\"unit\":\"%\",\"improvement\":\"neutral\"}");

    JsonNode report = JSON.readTree(call(viewer, get(API + "/report"), 200));
    assertThat(report.get("lastIssuedAt").isNull()).isFalse();
    JsonNode changes = report.get("changes");
    assertThat(changes).hasSize(3);
    JsonNode added = byMeasure(changes, "Added later");
    assertThat(strings(added.get("what"))).containsExactly("New since the last report.");
    JsonNode removed = byMeasure(changes, "Dropped");
    assertThat(strings(removed.get("what"))).containsExactly("Removed since the last report.");
    JsonNode residents = byMeasure(changes, "Residents in work");
    // Before: special cause improvement (7 above the mean), assurance inconsistent. Rebased in
    // August 2025, the new group has one value: no icons.
    assertThat(strings(residents.get("what")))
        .containsExactly(
            "Latest value 52% (July 2025) then, 60% (August 2025) now.",
            "Variation was special cause improvement, now not enough values to tell.",
            "Assurance was inconsistent, now none (no target, or too few values).");
    assertThat(strings(residents.get("why")))
        .containsExactly("Rebased from August 2025: Recruitment hub opened in August.");

    MockHttpServletResponse pdf = raw(viewer, get(API + "/report.pdf"));
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    call(stranger, get(API + "/report"), 403);
    call(stranger, get(API + "/report.pdf"), 403);
  }

  @Test
  void downloadsEveryValueWithItsSpcResultsWithFormulasDefused() throws Exception {
    long id =
        create(
            "{\"name\":\"=HYPERLINK(\\\"http://example.org\\\")\",\"unit\":\"%\",\"improvement\":\"increase\"}");
    call(
        editor,
        csv(post(API + "/" + id + "/values/imports"), MeasureApiIntegrationTest.VALUES),
        201);
    create("{\"name\":\"Empty\",\"unit\":\"%\",\"improvement\":\"increase\"}");
    String csv = call(viewer, get(API + "/spc.csv"), 200);
    List<String> lines = csv.lines().toList();
    // A header, 19 values of the first measure (by name, "=" sorts first), and one row for the
    // measure with none; the mean of the 19 values is 974/19.
    assertThat(lines).hasSize(21);
    assertThat(lines.get(0))
        .isEqualTo(
            "measureId,measure,unit,improvement,target,targetDate,linkKind,linkKey,linkLabel,"
                + "period,label,value,mean,lpl,upl,rebaseGroup,pointType,rule,variationType,"
                + "assuranceType,reading");
    assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://example.org\"\")\",%,increase,");
    assertThat(lines.get(19)).contains(",2025-07-01,2025-07,52,51.26315789473684,");
    assertThat(lines.get(20)).contains(",Empty,%,increase,").contains("No values yet");

    MockHttpServletResponse xlsx = raw(viewer, get(API + "/spc.xlsx"));
    assertThat(xlsx.getStatus()).isEqualTo(200);
    try (ReadableWorkbook book =
            new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()));
        Stream<Row> rows = book.getFirstSheet().openStream()) {
      List<Row> all = rows.toList();
      assertThat(all).hasSize(21);
      assertThat(all.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://example.org\")");
      assertThat(all.get(19).getCellAsNumber(11).orElseThrow().doubleValue()).isEqualTo(52);
    }
    call(stranger, get(API + "/spc.csv"), 403);
  }

  private static JsonNode byMeasure(JsonNode changes, String name) {
    for (JsonNode c : changes) {
      if (c.get("measure").asString().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("No change for " + name + " in " + changes);
  }

  private static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asString)
        .toList();
  }

  private long create(String body) throws Exception {
    return JSON.readTree(call(editor, json(post(API), body), 201)).get("id").asLong();
  }

  private static AbstractMockHttpServletRequestBuilder<?> json(
      AbstractMockHttpServletRequestBuilder<?> request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static AbstractMockHttpServletRequestBuilder<?> csv(
      AbstractMockHttpServletRequestBuilder<?> request, String body) {
    return request.contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse raw(
      String token, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse();
  }

  private String call(String token, AbstractMockHttpServletRequestBuilder<?> request, int expected)
      throws Exception {
    MockHttpServletResponse response = raw(token, request);
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
