package org.fourthpurpose.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workspace with an accepted and a rejected import, a local indicator, a published group, a
 * maturity round (a local area, assessors by account and by personal link, a rating, an agreed
 * level, a milestone, a sharing choice) and members is backed up, changed and restored exactly;
 * damaged backups are refused and change nothing; only ICS administrators may back up or restore.
 */
@org.fourthpurpose.ApplicationTest
class WorkspaceBackupIntegrationTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** ICB codes other integration tests write to, and the positions in the list they take. */
  static final Set<String> TAKEN =
      Set.of(
          "E54000051",
          "E54000008",
          "E54000054",
          "E54000061",
          "E54000052",
          "E54000063",
          "E54000050",
          "E54000048",
          "E54000010",
          "E54000064",
          "E54000044",
          "E54000027");

  static final Set<Integer> TAKEN_POSITIONS =
      Set.of(0, 1, 2, 3, 5, 6, 8, 12, 30, 31, 32, 33, 34, 35);

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired Geography geography;
  @Autowired PeerGroups groups;
  @Autowired JdbcClient jdbc;
  @Autowired WorkspaceBackups backups;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  String icb;
  Person admin;
  Person editor;
  Person viewer;
  Person alice;
  String api;

  record Person(Account account, String token, RequestPostProcessor session) {
    MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
      return request.header("Authorization", "Bearer " + token);
    }

    org.springframework.test.web.servlet.RequestBuilder signedIn(
        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?>
            request) {
      return request.with(session);
    }
  }

  Person person(String name, WorkspaceRole role) {
    String email = name.toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, name, "correct horse battery staple", false);
    if (role != null) {
      accounts.grant(account.id(), icb, role);
    }
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  Person platformAdmin() {
    String email = "platform." + UUID.randomUUID() + "@example.org";
    Account account =
        accounts.createAccount(email, "Platform", "correct horse battery staple", true);
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  @BeforeEach
  void buildAWorkspaceWithDataInEveryPart() throws Exception {
    List<String> codes = geography.icbs().stream().map(i -> i.code()).toList();
    for (int i = codes.size() - 1; ; i--) {
      if (!TAKEN.contains(codes.get(i)) && !TAKEN_POSITIONS.contains(i)) {
        icb = codes.get(i);
        break;
      }
    }
    api = "/api/v1/workspaces/" + icb;
    // Start empty: restore a backup with nothing in it (as a platform administrator).
    Person platform = platformAdmin();
    status(platform, restoreRequest(gzip(emptyBackup(icb)), false), 200);

    admin = person("Admin", WorkspaceRole.ICS_ADMIN);
    editor = person("Editor", WorkspaceRole.EDITOR);
    viewer = person("Viewer", WorkspaceRole.VIEWER);
    alice = person("Alice", WorkspaceRole.EDITOR);

    // Local data: an accepted import with exact decimals and a rejected one with problems.
    String csv =
        "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n"
            + "employment-rate,"
            + icb
            + ",2024,75.123456789012,,,74.1,76.9\n"
            + "employment-rate,E92000001,2024-Q1,0.1,,,,\n"
            + "employment-rate,E06000065,2024/25,,300,400,,\n";
    status(editor, post(api + "/indicators/imports").contentType("text/csv").content(csv), 201);
    status(
        editor,
        post(api + "/indicators/imports")
            .contentType("text/csv")
            .content(
                "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n"
                    + "no-such-indicator,E92000001,2024,1,,,,\n"),
        400);

    groups.create(
        icb,
        "Coastal systems",
        PeerGroup.Kind.GEOGRAPHIC,
        null,
        "Systems on the coast",
        true,
        List.of(icb, codes.get(10), codes.get(11)));

    String maturity = api + "/maturity";
    status(
        admin,
        json(
            post(maturity + "/areas"),
            "{\"domainId\":\"operations-and-delivery\",\"title\":\"Community wealth building\","
                + "\"summary\":\"Local ownership\",\"levels\":[{\"level\":\"emerging\",\"descriptor\":\"A\"},"
                + "{\"level\":\"established\",\"descriptor\":\"B\"},{\"level\":\"expanding\",\"descriptor\":\"C\"}]}"),
        201);
    JsonNode round =
        JSON.readTree(
            status(
                admin,
                json(
                    post(maturity + "/rounds"),
                    "{\"name\":\"Backup " + UUID.randomUUID().toString().substring(0, 8) + "\"}"),
                201));
    String rounds = maturity + "/rounds/" + round.get("id").asLong();
    status(
        admin,
        json(
            post(rounds + "/assessors"),
            "{\"organisation\":\"City council\",\"email\":\"" + alice.account().email() + "\"}"),
        201);
    status(
        admin,
        json(post(rounds + "/assessors"), "{\"name\":\"Pat Link\",\"organisation\":\"VCSE\"}"),
        201);
    status(
        alice,
        json(
            put(rounds + "/my-ratings/acting-as-an-anchor"),
            "{\"areaId\":\"x\",\"level\":\"established\",\"fulfilment\":\"partly\",\"confidence\":\"high\","
                + "\"evidence\":\"Board paper\",\"evidenceLinks\":[\"https://example.org/paper\"],\"version\":0}"),
        200);
    status(
        admin,
        json(
            put(rounds + "/agreements/acting-as-an-anchor"),
            "{\"level\":\"established\",\"fulfilment\":\"fully\",\"rationale\":\"Agreed at the board\"}"),
        200);
    status(
        admin,
        json(
            post(rounds + "/milestones"),
            "{\"areaId\":\"acting-as-an-anchor\",\"action\":\"Agree a social value policy\","
                + "\"owner\":\"ICB director of finance\",\"partners\":[\"City council\"],\"dueDate\":\"2027-03-31\"}"),
        201);
    status(
        admin,
        json(put(maturity + "/sharing"), "{\"shareLevels\":true,\"publishName\":false}"),
        200);
  }

  /**
   * Leaves nothing behind for the tests that share the database: the workspace's published group
   * and its sharing choice would show in public lists and the benchmark.
   */
  @org.junit.jupiter.api.AfterEach
  void emptyTheWorkspace() throws Exception {
    status(platformAdmin(), restoreRequest(gzip(emptyBackup(icb)), false), 200);
    assertThat(groups.groups(icb)).isEmpty();
  }

  @Test
  void aBackupHasAHeaderWithCountsAndRestoresTheWorkspaceExactlyAfterItChanged() throws Exception {
    String backup = status(admin, get(api + "/backup"), 200);
    JsonNode document = JSON.readTree(backup);
    assertThat(document.get("format").asString()).isEqualTo("fourth-purpose-workspace-backup");
    assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(document.get("icbCode").asString()).isEqualTo(icb);
    assertThat(document.get("exportedAt").asString()).endsWith("Z");
    List<String> names = new ArrayList<>();
    document.get("parts").forEach(p -> names.add(p.get("name").asString()));
    assertThat(names)
        .containsExactly(
            "anchors",
            "impact",
            "indicators",
            "maturity",
            "memberships",
            "peer-groups",
            "relationship-audits");
    assertThat(counts(document, "indicators").toString())
        .isEqualTo("{\"localIndicators\":0,\"imports\":2,\"importProblems\":1,\"values\":3}");
    assertThat(counts(document, "maturity").toString())
        .isEqualTo(
            "{\"localAreas\":1,\"localAreaLevels\":3,\"rounds\":1,\"roundAreas\":13,\"assessors\":2,"
                + "\"ratings\":1,\"agreements\":1,\"milestones\":1,\"sharing\":1}");
    assertThat(counts(document, "memberships").get("members").asLong()).isEqualTo(4);
    assertThat(counts(document, "peer-groups").get("groups").asLong()).isEqualTo(1);
    JsonNode values = document.get("data").get("indicators").get("values");
    assertThat(values.get(0).get("value").asString()).isEqualTo("75.123456789012");
    assertThat(values.get(1).get("value").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(values.get(2).get("numerator").asDouble()).isEqualTo(300.0);
    assertThat(values.get(2).get("lowerCi").isNull()).isTrue();
    JsonNode assessors = document.get("data").get("maturity").get("assessors");
    assertThat(assessors.get(0).get("account").asString()).isEqualTo(alice.account().email());
    assertThat(assessors.get(1).get("linkTokenHash").asString()).hasSize(64);
    String linkHash = assessors.get(1).get("linkTokenHash").asString();

    // Change everything: delete the group, a member, the sharing choice; import again.
    groups.groups(icb).forEach(g -> groups.delete(icb, g.id()));
    accounts.revoke(viewer.account().id(), icb);
    status(
        editor,
        post(api + "/indicators/imports")
            .contentType("text/csv")
            .content(
                "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n"
                    + "employment-rate,"
                    + icb
                    + ",2024,1.5,,,,\n"),
        201);
    assertThat(canonical(status(admin, get(api + "/backup"), 200))).isNotEqualTo(canonical(backup));

    JsonNode result =
        JSON.readTree(
            status(
                admin, restoreRequest(gzip(backup.getBytes(StandardCharsets.UTF_8)), false), 200));
    assertThat(result.get("icbCode").asString()).isEqualTo(icb);
    assertThat(result.get("skipped").size()).isZero();
    JsonNode maturityPart = null;
    for (JsonNode part : result.get("parts")) {
      if (part.get("name").asString().equals("maturity")) {
        maturityPart = part;
      }
    }
    assertThat(maturityPart.get("counts").get("ratings").asLong()).isEqualTo(1);
    assertThat(result.get("notes").toString()).contains("Coastal systems");

    String again = status(admin, get(api + "/backup"), 200);
    assertThat(canonical(again)).isEqualTo(canonical(backup));
    assertThat(
            jdbc.sql(
                    "select observation from imported_value where workspace_icb_code = ? and"
                        + " area_code = ?")
                .params(icb, icb)
                .query(Double.class)
                .single())
        .isEqualTo(75.123456789012);
    assertThat(
            jdbc.sql("select count(*) from maturity_assessor where link_token_hash = ?")
                .param(linkHash)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    assertThat(groups.groups(icb))
        .singleElement()
        .satisfies(g -> assertThat(g.published()).isTrue());
  }

  @Test
  void membersWithoutAnAccountHereAreListedAndLeftOutNotRefused() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(status(admin, get(api + "/backup"), 200));
    JsonNode members = document.get("data").get("memberships").get("members");
    for (JsonNode member : members) {
      if (member.get("email").asString().equals(viewer.account().email())) {
        ((ObjectNode) member).put("email", "nobody." + UUID.randomUUID() + "@example.org");
      }
    }
    JsonNode result = JSON.readTree(status(admin, restoreRequest(bytes(document), false), 200));
    assertThat(result.get("skipped").size()).isEqualTo(1);
    assertThat(result.get("skipped").get(0).asString())
        .startsWith("The member nobody.")
        .endsWith("(viewer) has no account on this installation");
    assertThat(memberRoles()).containsExactlyInAnyOrder("ICS_ADMIN", "EDITOR", "EDITOR");
  }

  @Test
  void theIcsAdministratorRestoringKeepsTheRoleWhenTheBackupLeavesNone() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(status(admin, get(api + "/backup"), 200));
    for (JsonNode member : document.get("data").get("memberships").get("members")) {
      if (member.get("role").asString().equals("ICS_ADMIN")) {
        ((ObjectNode) member).put("role", "VIEWER");
      }
    }
    JsonNode result = JSON.readTree(status(admin, restoreRequest(bytes(document), false), 200));
    assertThat(result.get("notes").toString())
        .contains("so you (" + admin.account().email() + ") kept the role");
    assertThat(memberRoles()).containsExactlyInAnyOrder("ICS_ADMIN", "EDITOR", "EDITOR", "VIEWER");
    assertThat(
            jdbc.sql("select role from workspace_member where account_id = ? and icb_code = ?")
                .params(admin.account().id(), icb)
                .query(String.class)
                .single())
        .isEqualTo("ICS_ADMIN");
  }

  List<String> memberRoles() {
    return jdbc.sql("select role from workspace_member where icb_code = ?")
        .param(icb)
        .query(String.class)
        .list();
  }

  @Test
  void aDamagedBackupIsRefusedNamingThePlaceAndChangesNothing() throws Exception {
    String backup = status(admin, get(api + "/backup"), 200);
    String before = canonical(backup);
    byte[] whole = backup.getBytes(StandardCharsets.UTF_8);

    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 40);
    JsonNode problem = JSON.readTree(status(admin, restoreRequest(truncated, false), 400));
    assertThat(problem.get("type").asString()).endsWith("invalid-backup");
    assertThat(problem.get("detail").asString()).contains("not well-formed JSON");

    byte[] cutGzip = gzip(whole);
    cutGzip = java.util.Arrays.copyOf(cutGzip, cutGzip.length - 20);
    problem = JSON.readTree(status(admin, restoreRequest(cutGzip, false), 400));
    assertThat(problem.get("type").asString()).endsWith("invalid-backup");

    ObjectNode missingRound = (ObjectNode) JSON.readTree(backup);
    ((ObjectNode) missingRound.get("data").get("maturity").get("milestones").get(0))
        .put("round", 99);
    problem = JSON.readTree(status(admin, restoreRequest(bytes(missingRound), false), 400));
    assertThat(problem.get("detail").asString())
        .contains("Part 'maturity', milestones entry 1, field 'round'")
        .contains("$.data.maturity.milestones[0].round")
        .contains("there is no round 99 in this backup");

    ObjectNode missingAssessor = (ObjectNode) JSON.readTree(backup);
    ((ObjectNode) missingAssessor.get("data").get("maturity").get("ratings").get(0))
        .put("assessor", 7);
    problem = JSON.readTree(status(admin, restoreRequest(bytes(missingAssessor), false), 400));
    assertThat(problem.get("detail").asString()).contains("there is no assessor 7 in this backup");

    ObjectNode badLevel = (ObjectNode) JSON.readTree(backup);
    ((ObjectNode) badLevel.get("data").get("maturity").get("agreements").get(0))
        .put("level", "superb");
    problem = JSON.readTree(status(admin, restoreRequest(bytes(badLevel), false), 400));
    assertThat(problem.get("detail").asString()).contains("agreements entry 1, field 'level'");

    ObjectNode otherIcs = (ObjectNode) JSON.readTree(backup);
    otherIcs.put("icbCode", "E54000008");
    problem = JSON.readTree(status(admin, restoreRequest(bytes(otherIcs), false), 400));
    assertThat(problem.get("type").asString()).endsWith("other-ics-backup");

    ObjectNode newer = (ObjectNode) JSON.readTree(backup);
    newer.put("formatVersion", 2);
    problem = JSON.readTree(status(admin, restoreRequest(bytes(newer), false), 400));
    assertThat(problem.get("detail").asString()).contains("newer version");

    ObjectNode miscounted = (ObjectNode) JSON.readTree(backup);
    ((ObjectNode) miscounted.get("parts").get(0).get("counts")).put("values", 2);
    problem = JSON.readTree(status(admin, restoreRequest(bytes(miscounted), false), 400));
    assertThat(problem.get("detail").asString()).contains("the header counts");

    assertThat(canonical(status(admin, get(api + "/backup"), 200))).isEqualTo(before);
  }

  @Test
  void onlyIcsAdministratorsAndPlatformAdministratorsMayBackUpOrRestore() throws Exception {
    assertThat(mvc.perform(get(api + "/backup")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    status(viewer, get(api + "/backup"), 403);
    status(editor, get(api + "/backup"), 403);
    byte[] backup = status(admin, get(api + "/backup"), 200).getBytes(StandardCharsets.UTF_8);
    status(editor, restoreRequest(backup, false), 403);
    status(platformAdmin(), get(api + "/backup"), 200);
    assertThat(page(editor, get("/workspaces/" + icb + "/backup")).getStatus()).isEqualTo(403);
    MockHttpServletResponse page = page(admin, get("/workspaces/" + icb + "/backup"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8))
        .contains("Replace all of this workspace's data with the backup")
        .contains("/workspaces/" + icb + "/backup.json.gz");
    assertThat(page(admin, get("/workspaces/" + icb)).getContentAsString())
        .contains("Back up and restore");
    assertThat(page(editor, get("/workspaces/" + icb)).getContentAsString())
        .doesNotContain("Back up and restore");
    MockHttpServletResponse download = page(admin, get("/workspaces/" + icb + "/backup.json.gz"));
    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getContentType()).isEqualTo("application/gzip");
    assertThat(download.getContentAsByteArray()[0]).isEqualTo((byte) 0x1f);
  }

  @Test
  void restoringFromThePageNeedsTheConfirmationAndShowsWhatWasRestored() throws Exception {
    byte[] backup = gzip(status(admin, get(api + "/backup"), 200));
    org.springframework.mock.web.MockMultipartFile file =
        new org.springframework.mock.web.MockMultipartFile(
            "file", "workspace.json.gz", "application/gzip", backup);
    MockHttpServletResponse unconfirmed =
        page(
            admin,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                    "/workspaces/" + icb + "/backup")
                .file(file)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()));
    assertThat(unconfirmed.getStatus()).isEqualTo(400);
    assertThat(unconfirmed.getContentAsString(StandardCharsets.UTF_8))
        .contains("Confirm that you want to replace all of this workspace");
    org.springframework.test.web.servlet.MvcResult confirmed =
        mvc.perform(
                admin.signedIn(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                            "/workspaces/" + icb + "/backup")
                        .file(file)
                        .param("confirm", "true")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())))
            .andReturn();
    assertThat(confirmed.getResponse().getStatus()).isEqualTo(302);
    assertThat(confirmed.getResponse().getRedirectedUrl())
        .isEqualTo("/workspaces/" + icb + "/backup");
    RestoreResult result = (RestoreResult) confirmed.getFlashMap().get("result");
    assertThat(result.parts()).hasSize(7);
    assertThat(
            result.parts().stream()
                .filter(p -> p.name().equals("indicators"))
                .findFirst()
                .orElseThrow()
                .counts()
                .get("values"))
        .isEqualTo(3L);
    String shown =
        page(admin, get("/workspaces/" + icb + "/backup").flashAttr("result", result))
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(shown).contains("Workspace restored").contains("Their level descriptions");
  }

  @Test
  void aBackupOfAnotherIcsIsRestoredOnlyWhenConfirmed() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(status(admin, get(api + "/backup"), 200));
    document.put("icbCode", "E54000008");
    JsonNode problem = JSON.readTree(status(admin, restoreRequest(bytes(document), false), 400));
    assertThat(problem.get("field").asString()).isEqualTo("confirmOtherIcs");
    assertThat(problem.get("detail").asString()).contains("backup of the workspace of E54000008");
    JsonNode result = JSON.readTree(status(admin, restoreRequest(bytes(document), true), 200));
    assertThat(result.get("from").get("icbCode").asString()).isEqualTo("E54000008");
    assertThat(result.get("icbCode").asString()).isEqualTo(icb);
  }

  @Test
  void aBodyOverTheUploadLimitIsRefusedWith413AndChangesNothing() throws Exception {
    String before = canonical(status(admin, get(api + "/backup"), 200));
    long limit = backups.limits().maxUploadBytes();
    // Streamed, never held in memory: a JSON string of spaces one byte longer than the limit.
    java.util.function.Supplier<java.io.InputStream> body =
        () ->
            new java.io.InputStream() {
              long sent;

              @Override
              public int read() {
                return sent++ <= limit ? ' ' : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (sent > limit) {
                  return -1;
                }
                int n = (int) Math.min(len, limit + 1 - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                sent += n;
                return n;
              }
            };
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + api + "/backup"))
                    .header("Authorization", "Bearer " + admin.token())
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    // The service-wide body limit (web/RequestBodyLimit) counts the chunked body as it is read.
    assertThat(response.body())
        .contains("body-too-large")
        .contains("larger than this service accepts here (200 MB)");
    assertThat(canonical(status(admin, get(api + "/backup"), 200))).isEqualTo(before);
  }

  // Helpers

  MockHttpServletResponse page(
      Person who,
      org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
      throws Exception {
    return mvc.perform(who.signedIn(request)).andReturn().getResponse();
  }

  String status(Person who, MockHttpServletRequestBuilder request, int expected) throws Exception {
    MockHttpServletResponse response = mvc.perform(who.bearer(request)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  MockHttpServletRequestBuilder restoreRequest(byte[] body, boolean otherIcs) {
    return put(api + "/backup" + (otherIcs ? "?confirmOtherIcs=true" : ""))
        .contentType(
            body.length > 1 && body[0] == (byte) 0x1f
                ? MediaType.parseMediaType("application/gzip")
                : MediaType.APPLICATION_JSON)
        .content(body);
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static JsonNode counts(JsonNode document, String part) {
    for (JsonNode p : document.get("parts")) {
      if (p.get("name").asString().equals(part)) {
        return p.get("counts");
      }
    }
    throw new AssertionError("no part " + part);
  }

  /** The backup without the time it was made, to compare two backups. */
  static String canonical(String backup) {
    ObjectNode document = (ObjectNode) JSON.readTree(backup);
    document.remove("exportedAt");
    return document.toString();
  }

  static byte[] bytes(JsonNode document) {
    return document.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  static byte[] gzip(String text) throws Exception {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  static String emptyBackup(String icbCode) {
    return "{\"format\":\"fourth-purpose-workspace-backup\",\"formatVersion\":1,\"icbCode\":\""
        + icbCode
        + "\",\"exportedAt\":\"2026-01-01T00:00:00Z\",\"parts\":[],\"data\":{}}";
  }
}
