package org.fourthpurpose.question.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.fourthpurpose.question.AuditSignals;
import org.fourthpurpose.question.RelationshipAudits;
import org.fourthpurpose.question.SectorAppetite;
import org.fourthpurpose.web.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The relationship audit through its API as outside scripts use it: create from the template, links
 * for a sector, answering once without an account, results under disclosure control; every bad
 * input refused naming what is wrong and changing nothing; one response per link even at the same
 * moment; another workspace's token finds nothing. Two workspaces of their own: Norfolk and Waveney
 * (A) and Suffolk and North East Essex (B).
 */
@ApplicationTest
class RelationshipAuditApiIntegrationTest {

  static final String A = "E54000057";
  static final String B = "E54000060";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired PartnerAudits audits;
  @Autowired AuditSignals signals;
  @Autowired RelationshipAudits summaries;

  static AnchorFixture fixture;
  static Person editor;
  static Person viewer;
  static Person otherEditor;

  @BeforeEach
  void people() {
    if (fixture == null) {
      fixture = new AnchorFixture(mvc, accounts);
      editor = fixture.person(A, WorkspaceRole.EDITOR);
      viewer = fixture.person(A, WorkspaceRole.VIEWER);
      otherEditor = fixture.person(B, WorkspaceRole.EDITOR);
    }
  }

  @Test
  void aPartnerAnswersThroughAPersonalLinkOnceWithoutAnAccount() throws Exception {
    long id = create(editor, A, "Partners' view of the NHS 2026");
    JsonNode audit =
        json(fixture.getWithToken(viewer, "/api/v1/workspaces/" + A + "/audits/" + id, 200));
    assertThat(audit.get("status").asString()).isEqualTo("draft");
    assertThat(audit.get("questions")).hasSize(AuditTemplate.QUESTIONS.size());

    List<String> tokens = links(editor, A, id, 5, "local-authority");
    assertThat(tokens).hasSize(5).doesNotHaveDuplicates();
    // 256 random bits, base64url: 43 characters; only the SHA-256 is stored.
    assertThat(tokens).allSatisfy(t -> assertThat(t).hasSize(43));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from question_audit_link where token_hash = ?",
                Integer.class,
                tokens.get(0)))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select sector from question_audit_link where token_hash = ?",
                String.class,
                PartnerAudits.hash(tokens.get(0))))
        .isEqualTo("local-authority");
    assertThat(
            json(fixture.getWithToken(viewer, "/api/v1/workspaces/" + A + "/audits/" + id, 200))
                .get("status")
                .asString())
        .isEqualTo("open");

    JsonNode survey = json(fixture.get(null, "/api/v1/audit-responses/" + tokens.get(0), 200));
    assertThat(survey.get("sector").asString()).isEqualTo("local-authority");
    List<String> types = new ArrayList<>();
    survey.get("questions").forEach(q -> types.add(q.get("type").asString()));
    assertThat(types).contains("scale", "choice", "text").hasSize(AuditTemplate.QUESTIONS.size());
    JsonNode appetite = survey.get("questions").get(0);
    assertThat(appetite.get("appetite").asBoolean()).isTrue();
    assertThat(appetite.get("type").asString()).isEqualTo("scale");

    String body = "{\"answers\": {\"" + appetite.get("id").asLong() + "\": 4}}";
    respond(tokens.get(0), body, 201);
    String again = respond(tokens.get(0), body, 409);
    assertThat(json(again).get("detail").asString()).contains("already been used");
    assertThat(
            json(fixture.get(null, "/api/v1/audit-responses/" + tokens.get(0), 409))
                .get("title")
                .asString())
        .isEqualTo("Link already used");

    String unknown = "x".repeat(43);
    fixture.get(null, "/api/v1/audit-responses/" + unknown, 404);
    respond(unknown, body, 404);
    respond("short", body, 404);
  }

  @Test
  void resultsHideSmallSectorsAndTheSectorThatWouldRevealThemByDifference() throws Exception {
    long id = create(editor, A, "Results audit");
    List<String> councils = links(editor, A, id, 6, "local-authority");
    List<String> trusts = links(editor, A, id, 7, "nhs-trust");
    List<String> voluntary = links(editor, A, id, 2, "vcse");
    Map<String, Long> ids = questionIds(councils.get(0));
    long appetite = ids.get("appetite");
    long working = ids.get("working");
    long perception = ids.get("perception");
    for (String t : councils) {
      respond(
          t,
          answers(
              appetite,
              3,
              perception,
              "\"Hard to reach or to influence\"",
              working,
              "\"Ana Anchor chairs it well, mail ana@example.org\""),
          201);
    }
    for (String t : trusts) {
      respond(
          t,
          answers(appetite, 5, perception, "\"A partner we plan and act with\"", null, null),
          201);
    }
    for (String t : voluntary) {
      respond(t, answers(appetite, 1, null, null, null, null), 201);
    }

    JsonNode results =
        json(
            fixture.getWithToken(
                viewer, "/api/v1/workspaces/" + A + "/audits/" + id + "/results", 200));
    assertThat(results.get("respondents").asInt()).isEqualTo(15);
    Map<String, JsonNode> bySector = new LinkedHashMap<>();
    results.get("bySector").forEach(s -> bySector.put(s.get("sector").asString(), s));
    assertThat(bySector.keySet()).containsExactly("nhs-trust", "local-authority", "vcse");
    // 2 voluntary sector respondents: hidden. Councils (6) would reveal them by subtraction from
    // the overall, so they are hidden too; trusts (7) are shown.
    assertThat(bySector.get("vcse").get("suppressed").asBoolean()).isTrue();
    assertThat(bySector.get("vcse").get("respondents").isNull()).isTrue();
    assertThat(bySector.get("vcse").get("questions")).isEmpty();
    assertThat(bySector.get("local-authority").get("suppressed").asBoolean()).isTrue();
    assertThat(bySector.get("local-authority").get("questions")).isEmpty();
    assertThat(bySector.get("nhs-trust").get("respondents").asInt()).isEqualTo(7);
    JsonNode trustAppetite = question(bySector.get("nhs-trust"), appetite);
    assertThat(trustAppetite.get("mean").asDouble()).isEqualTo(5.0);
    assertThat(trustAppetite.get("answered").asInt()).isEqualTo(7);
    // Trusts skipped the text question: fewer than 5 answered there, so it is hidden.
    assertThat(question(bySector.get("nhs-trust"), working).get("suppressed").asBoolean()).isTrue();
    // Overall appetite: (6 x 3 + 7 x 5 + 2 x 1) / 15 = 55 / 15 = 3.67.
    JsonNode overall = question(results.get("overall"), appetite);
    assertThat(overall.get("mean").asDouble()).isEqualTo(3.67);
    assertThat(overall.get("answered").asInt()).isEqualTo(15);
    // The councils' 6 texts are shown overall, with the member's name and the email removed.
    JsonNode texts = question(results.get("overall"), working).get("texts");
    assertThat(texts).hasSize(6);
    assertThat(texts.get(0).asString())
        .isEqualTo("[name removed] [name removed] chairs it well, mail [email removed]");

    Map<String, SectorAppetite> appetiteBySector = signals.appetiteBySector(A);
    assertThat(appetiteBySector.get("nhs-trust"))
        .isEqualTo(new SectorAppetite("nhs-trust", 7, 5.0));
    assertThat(appetiteBySector.get("vcse")).isEqualTo(new SectorAppetite("vcse", null, null));
    assertThat(summaries.forWorkspace(A))
        .anySatisfy(
            s -> {
              assertThat(s.id()).isEqualTo(id);
              assertThat(s.respondents()).isEqualTo(15);
              assertThat(s.resultsLink())
                  .isEqualTo("/workspaces/" + A + "/audits/" + id + "/results");
            });

    fixture.expect(
        editor.bearer(post("/api/v1/workspaces/" + A + "/audits/" + id + "/close")), 200);
    String late = links(editor, A, id, 1, "vcse", 409);
    assertThat(json(late).get("title").asString()).isEqualTo("Audit closed");
  }

  @Test
  void everyBadInputIsRefusedNamingWhatIsWrongAndChangesNothing() throws Exception {
    String path = "/api/v1/workspaces/" + A + "/audits";
    int auditsBefore = count("question_audit");
    expectField(post(path).content("{\"title\": \"\"}"), 400, "title");
    expectField(post(path).content("{\"title\": \"" + "t".repeat(201) + "\"}"), 400, "title");
    expectField(post(path).content("{\"title\": 7}"), 400, "title");
    expectField(post(path).content("[]"), 400, "body");
    assertThat(count("question_audit")).isEqualTo(auditsBefore);

    long id = create(editor, A, "Bad input audit");
    int linksBefore = count("question_audit_link");
    String links = path + "/" + id + "/links";
    expectField(post(links).content("{\"count\": 0, \"sector\": \"vcse\"}"), 400, "count");
    expectField(post(links).content("{\"count\": 501, \"sector\": \"vcse\"}"), 400, "count");
    expectField(post(links).content("{\"count\": \"5\", \"sector\": \"vcse\"}"), 400, "count");
    expectField(post(links).content("{\"count\": 2.5, \"sector\": \"vcse\"}"), 400, "count");
    expectField(post(links).content("{\"count\": 5, \"sector\": \"aliens\"}"), 400, "sector");
    expectField(post(links).content("{\"count\": 5}"), 400, "sector");
    assertThat(count("question_audit_link")).isEqualTo(linksBefore);
    // Still a draft: nothing opened it.
    assertThat(json(fixture.getWithToken(viewer, path + "/" + id, 200)).get("status").asString())
        .isEqualTo("draft");

    String token = links(editor, A, id, 1, "university").get(0);
    Map<String, Long> ids = questionIds(token);
    long scale = ids.get("appetite");
    long choice = ids.get("perception");
    long text = ids.get("working");
    int responsesBefore = count("question_audit_response");
    int answersBefore = count("question_audit_answer");
    for (String bad :
        List.of(
            "{\"answers\": {\"" + scale + "\": 6}}",
            "{\"answers\": {\"" + scale + "\": 0}}",
            "{\"answers\": {\"" + scale + "\": 3.5}}",
            "{\"answers\": {\"" + scale + "\": \"3\"}}",
            "{\"answers\": {\"" + scale + "\": true}}",
            "{\"answers\": {\"" + scale + "\": 99999999999999999999}}",
            "{\"answers\": {\"" + choice + "\": \"Something else\"}}",
            "{\"answers\": {\"" + choice + "\": 1}}",
            "{\"answers\": {\"" + text + "\": [\"a\"]}}",
            "{\"answers\": {\"" + text + "\": \"" + "x".repeat(2001) + "\"}}",
            "{\"answers\": {\"" + scale + "\": 4, \"" + text + "\": 5}}")) {
      String problem = respond(token, bad, 400);
      JsonNode p = json(problem);
      assertThat(p.get("field").asString()).as(bad).startsWith("answers.");
      assertThat(p.get("detail").asString()).as(bad).startsWith("Question ");
    }
    JsonNode unknown = json(respond(token, "{\"answers\": {\"999999999\": 3}}", 400));
    assertThat(unknown.get("field").asString()).isEqualTo("answers.999999999");
    assertThat(unknown.get("detail").asString()).contains("no question '999999999'");
    assertThat(json(respond(token, "{\"answers\": {}}", 400)).get("field").asString())
        .isEqualTo("answers");
    assertThat(json(respond(token, "{\"answers\": [1]}", 400)).get("field").asString())
        .isEqualTo("answers");
    assertThat(json(respond(token, "{}", 400)).get("field").asString()).isEqualTo("answers");
    assertThat(count("question_audit_response")).isEqualTo(responsesBefore);
    assertThat(count("question_audit_answer")).isEqualTo(answersBefore);
    assertThat(count("question_audit_link_use")).isEqualTo(countUses());

    // The link was not used up by the refused answers: a good response goes through.
    respond(
        token,
        answers(
            scale,
            2,
            choice,
            "\"We have little or no contact with it\"",
            text,
            "\"" + "y".repeat(2000) + "\""),
        201);
    assertThat(count("question_audit_answer")).isEqualTo(answersBefore + 3);

    // Questions are fixed once links exist.
    assertThat(
            fixture.expect(
                editor.bearer(post("/api/v1/workspaces/" + A + "/audits/" + id + "/close")), 200))
        .contains("\"closed\"");
    fixture.expect(
        editor.bearer(post("/api/v1/workspaces/" + A + "/audits/" + id + "/close")), 409);
  }

  @Test
  void oneResponsePerLinkEvenWhenTenArriveAtOnce() throws Exception {
    long id = create(editor, A, "Concurrency audit");
    String token = links(editor, A, id, 1, "employer").get(0);
    long question = questionIds(token).get("appetite");
    int before = count("question_audit_response");
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int value = 1 + i % 5;
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  audits.respond(token, Map.of(String.valueOf(question), value), false);
                  return true;
                } catch (ConflictException e) {
                  return false;
                }
              }));
    }
    start.countDown();
    int stored = 0;
    for (Future<Boolean> attempt : attempts) {
      if (attempt.get(30, TimeUnit.SECONDS)) {
        stored++;
      }
    }
    pool.shutdown();
    assertThat(stored).isEqualTo(1);
    assertThat(count("question_audit_response")).isEqualTo(before + 1);
  }

  @Test
  void anotherWorkspaceFindsNothingOfThisOne() throws Exception {
    long id = create(editor, A, "Isolation audit");
    links(editor, A, id, 1, "vcse");
    String mine = "/api/v1/workspaces/" + A + "/audits/" + id;
    String theirs = "/api/v1/workspaces/" + B + "/audits/" + id;
    // B's token on A's workspace: refused; on its own workspace with A's audit id: not found.
    fixture.getWithToken(otherEditor, mine, 403);
    fixture.getWithToken(otherEditor, mine + "/results", 403);
    fixture.getWithToken(otherEditor, theirs, 404);
    fixture.getWithToken(otherEditor, theirs + "/results", 404);
    fixture.expect(
        otherEditor.bearer(
            post(theirs + "/links")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\": 1, \"sector\": \"vcse\"}")),
        404);
    fixture.expect(otherEditor.bearer(post(theirs + "/close")), 404);
    assertThat(fixture.getWithToken(otherEditor, "/api/v1/workspaces/" + B + "/audits", 200))
        .doesNotContain("Isolation audit");
    // No token at all: 401; a viewer cannot create or make links.
    fixture.expect(get(mine), 401);
    fixture.expect(
        viewer.bearer(
            post("/api/v1/workspaces/" + A + "/audits")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Viewer's\"}")),
        403);
    fixture.expect(
        viewer.bearer(
            post(mine + "/links")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\": 1, \"sector\": \"vcse\"}")),
        403);
    assertThat(signals.appetiteBySector(B)).doesNotContainKey("vcse");
  }

  @Test
  void aWorkspaceBackupRestoresItsAuditsWithTheirLinksAndResults() throws Exception {
    String icb = B;
    Person admin = fixture.person(icb, WorkspaceRole.ICS_ADMIN);
    long id = create(admin, icb, "Backed-up audit");
    List<String> tokens = links(admin, icb, id, 6, "university");
    long appetite = questionIds(tokens.get(0)).get("appetite");
    for (int i = 0; i < 5; i++) {
      respond(tokens.get(i), answers(appetite, 1 + i, null, null, null, null), 201);
    }
    String results =
        fixture.getWithToken(
            admin, "/api/v1/workspaces/" + icb + "/audits/" + id + "/results", 200);
    String backup = fixture.getWithToken(admin, "/api/v1/workspaces/" + icb + "/backup", 200);
    JsonNode part = json(backup).get("data").get("relationship-audits");
    assertThat(part.get("links")).hasSize(6);
    assertThat(part.get("responses")).hasSize(5);
    assertThat(backup).doesNotContain(tokens.get(0));

    // A later audit is replaced by the restore; the backed-up one comes back with new ids.
    create(admin, icb, "Made after the backup");
    fixture.expect(
        admin.bearer(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/workspaces/" + icb + "/backup")
                .contentType(MediaType.APPLICATION_JSON)
                .content(backup)),
        200);
    JsonNode list = json(fixture.getWithToken(admin, "/api/v1/workspaces/" + icb + "/audits", 200));
    assertThat(list).hasSize(1);
    long restored = list.get(0).get("id").asLong();
    String after =
        fixture.getWithToken(
            admin, "/api/v1/workspaces/" + icb + "/audits/" + restored + "/results", 200);
    // The same figures (question ids are new, so compare without them).
    assertThat(after.replaceAll("\"id\":\\d+", ""))
        .isEqualTo(
            results
                .replaceAll("\"id\":\\d+", "")
                .replace("\"auditId\":" + id, "\"auditId\":" + restored));
    // (1 + 2 + 3 + 4 + 5) / 5 = 3.
    assertThat(
            question(
                    json(after).get("overall"),
                    list.get(0).get("questions").get(0).get("id").asLong())
                .get("mean")
                .asDouble())
        .isEqualTo(3.0);
    // Links sent before still work, and used ones stay used.
    respond(tokens.get(0), answers(appetite, 2, null, null, null, null), 409);
    fixture.get(null, "/api/v1/audit-responses/" + tokens.get(5), 200);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private long create(Person who, String icb, String title) throws Exception {
    String answer =
        fixture.expect(
            who.bearer(
                post("/api/v1/workspaces/" + icb + "/audits")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\": \"" + title + "\"}")),
            201);
    return json(answer).get("id").asLong();
  }

  private List<String> links(Person who, String icb, long id, int count, String sector)
      throws Exception {
    List<String> tokens = new ArrayList<>();
    json(links(who, icb, id, count, sector, 201))
        .forEach(l -> tokens.add(l.get("token").asString()));
    return tokens;
  }

  private String links(Person who, String icb, long id, int count, String sector, int status)
      throws Exception {
    return fixture.expect(
        who.bearer(
            post("/api/v1/workspaces/" + icb + "/audits/" + id + "/links")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\": " + count + ", \"sector\": \"" + sector + "\"}")),
        status);
  }

  private String respond(String token, String body, int status) throws Exception {
    return fixture.expect(
        post("/api/v1/audit-responses/" + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body),
        status);
  }

  /** The survey's question ids by template code, read as a respondent would and matched by text. */
  private Map<String, Long> questionIds(String token) throws Exception {
    JsonNode survey = json(fixture.get(null, "/api/v1/audit-responses/" + token, 200));
    Map<String, Long> ids = new LinkedHashMap<>();
    survey
        .get("questions")
        .forEach(
            q ->
                AuditTemplate.QUESTIONS.stream()
                    .filter(t -> t.text().equals(q.get("text").asString()))
                    .forEach(t -> ids.put(t.code(), q.get("id").asLong())));
    return ids;
  }

  private static String answers(Long a, Object va, Long b, Object vb, Long c, Object vc) {
    List<String> parts = new ArrayList<>();
    if (a != null) {
      parts.add("\"" + a + "\": " + va);
    }
    if (b != null) {
      parts.add("\"" + b + "\": " + vb);
    }
    if (c != null) {
      parts.add("\"" + c + "\": " + vc);
    }
    return "{\"answers\": {" + String.join(", ", parts) + "}}";
  }

  private static JsonNode question(JsonNode group, long id) {
    for (JsonNode q : group.get("questions")) {
      if (q.get("id").asLong() == id) {
        return q;
      }
    }
    throw new AssertionError("no question " + id + " in " + group);
  }

  private void expectField(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      int status,
      String field)
      throws Exception {
    String answer =
        fixture.expect(editor.bearer(request.contentType(MediaType.APPLICATION_JSON)), status);
    assertThat(json(answer).get("field").asString()).as(answer).isEqualTo(field);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private int countUses() {
    return jdbc.queryForObject("select count(*) from question_audit_link_use", Integer.class);
  }

  private static JsonNode json(String text) {
    return AnchorFixture.JSON.readTree(text);
  }
}
