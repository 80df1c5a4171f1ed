package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.maturity.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@org.fourthpurpose.ApplicationTest
class MaturityApiIntegrationTest {

  static final String API = "/api/v1/workspaces/";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired Geography geography;
  @Autowired FrameworkCatalogue catalogue;

  Fixtures fixtures;
  String icb;
  String otherIcb;
  Person admin;
  Person alice;
  Person bob;
  Person viewer;

  @BeforeEach
  void setUp() {
    fixtures = new Fixtures(accounts, geography);
    icb = fixtures.icbCodes().get(0);
    otherIcb = fixtures.icbCodes().get(1);
    admin = fixtures.person("Ada Admin", icb, WorkspaceRole.ICS_ADMIN);
    alice = fixtures.person("Alice Assessor", icb, WorkspaceRole.EDITOR);
    bob = fixtures.person("Bob Partner", null, null);
    viewer = fixtures.person("Vic Viewer", icb, WorkspaceRole.VIEWER);
  }

  // Helpers

  JsonNode call(Person who, MockHttpServletRequestBuilder request, int expectedStatus)
      throws Exception {
    if (who != null) {
      who.bearer(request);
    }
    String body =
        mvc.perform(request)
            .andExpect(status().is(expectedStatus))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.isEmpty() ? null : JSON.readTree(body);
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  long openRound(Person who, String ics) throws Exception {
    return call(
            who,
            json(
                post(API + ics + "/maturity/rounds"),
                "{\"name\":\"" + Fixtures.uniqueRoundName() + "\"}"),
            201)
        .get("id")
        .asLong();
  }

  void invite(long round, Person who) throws Exception {
    call(
        admin,
        json(
            post(API + icb + "/maturity/rounds/" + round + "/assessors"),
            "{\"organisation\":\"Org\",\"email\":\"" + who.account().email() + "\"}"),
        201);
  }

  static String rating(String area, String level, String fulfilment, int version) {
    return "{\"areaId\":\""
        + area
        + "\",\"level\":\""
        + level
        + "\",\"fulfilment\":"
        + (fulfilment == null ? "null" : "\"" + fulfilment + "\"")
        + ",\"confidence\":\"high\",\"evidence\":\"Board paper\",\"evidenceLinks\":[\"https://example.org/paper\"],\"version\":"
        + version
        + "}";
  }

  String rounds(long round) {
    return API + icb + "/maturity/rounds/" + round;
  }

  // The framework

  @Test
  void publishesTheCurrentFrameworkWithFourDomainsTwelveAreasAndThreeLevelsEach() throws Exception {
    mvc.perform(get("/api/v1/maturity/frameworks/current"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.domains", hasSize(4)))
        .andExpect(jsonPath("$.domains[0].id").value("strategy-and-policy"))
        .andExpect(jsonPath("$.domains[0].areas[0].id").value("economic-development-and-recovery"))
        .andExpect(
            jsonPath("$.domains[0].areas[0].title")
                .value("Supporting economic development and recovery"))
        .andExpect(
            jsonPath("$.domains[0].areas[0].levels[*].level")
                .value(org.hamcrest.Matchers.contains("emerging", "established", "expanding")))
        .andExpect(jsonPath("$.domains[*].areas[*]", hasSize(12)))
        .andExpect(jsonPath("$.source.author").value("Cathy Elliott"))
        .andExpect(jsonPath("$.systemAgeGuidance", hasSize(3)));
  }

  // A full round through the API

  @Test
  void twoAssessorsRateAtOnceAndNeitherLosesTheOthersWork() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    invite(round, bob);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> saves = new ArrayList<>();
      for (Person p : List.of(alice, bob)) {
        saves.add(
            () ->
                mvc.perform(
                        p.bearer(
                            json(
                                put(rounds(round) + "/my-ratings"),
                                "{\"ratings\":["
                                    + rating(
                                        "acting-as-an-anchor",
                                        p == alice ? "emerging" : "expanding",
                                        "fully",
                                        0)
                                    + ","
                                    + rating("inclusive-growth", "established", "partly", 0)
                                    + "]}")))
                    .andReturn()
                    .getResponse()
                    .getStatus());
      }
      for (Future<Integer> f : pool.invokeAll(saves)) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    JsonNode moderation = call(admin, get(rounds(round) + "/moderation"), 200);
    JsonNode anchor = area(moderation, "acting-as-an-anchor");
    assertThat(anchor.get("spread").get("rated").asInt()).isEqualTo(2);
    assertThat(anchor.get("spread").get("counts").get("emerging").asInt()).isEqualTo(1);
    assertThat(anchor.get("spread").get("counts").get("expanding").asInt()).isEqualTo(1);
    assertThat(anchor.get("spread").get("disagreement").asBoolean()).isTrue();
    assertThat(moderation.get("disagreementsWidestFirst").get(0).asString())
        .isEqualTo("acting-as-an-anchor");
  }

  static JsonNode area(JsonNode moderation, String areaId) {
    for (JsonNode a : moderation.get("areas")) {
      if (a.get("areaId").asString().equals(areaId)) {
        return a;
      }
    }
    throw new AssertionError("no area " + areaId);
  }

  @Test
  void refusesASaveBasedOnAnOlderVersionAndKeepsTheNewerRating() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    call(
        alice,
        json(
            put(rounds(round) + "/my-ratings/acting-as-an-anchor"),
            rating("x", "emerging", "partly", 0)),
        200);
    call(
        alice,
        json(
            put(rounds(round) + "/my-ratings/acting-as-an-anchor"),
            rating("x", "established", "partly", 1)),
        200);
    JsonNode problem =
        call(
            alice,
            json(
                put(rounds(round) + "/my-ratings/acting-as-an-anchor"),
                rating("x", "expanding", "fully", 1)),
            409);
    assertThat(problem.get("title").asString()).isEqualTo("Edited elsewhere");
    assertThat(problem.get("detail").asString()).contains("Acting as an anchor");
    JsonNode mine = call(alice, get(rounds(round) + "/my-ratings"), 200);
    assertThat(mine.get("ratings").get(0).get("level").asString()).isEqualTo("established");
    assertThat(mine.get("ratings").get(0).get("version").asInt()).isEqualTo(2);
  }

  @Test
  void refusesAnUnknownAreaWithAProblemNamingItAndSavesNothingFromTheRequest() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    JsonNode problem =
        call(
            alice,
            json(
                put(rounds(round) + "/my-ratings"),
                "{\"ratings\":["
                    + rating("acting-as-an-anchor", "emerging", "fully", 0)
                    + ","
                    + rating("space-travel", "emerging", "fully", 0)
                    + "]}"),
            400);
    assertThat(problem.get("title").asString()).isEqualTo("Unknown area of focus");
    assertThat(problem.get("field").asString()).isEqualTo("areaId");
    assertThat(problem.get("value").asString()).isEqualTo("space-travel");
    assertThat(call(alice, get(rounds(round) + "/my-ratings"), 200).get("ratings")).isEmpty();
  }

  @Test
  void refusesALevelOutOfRangeAndAMissingFulfilment() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    JsonNode problem =
        call(
            alice,
            json(
                put(rounds(round) + "/my-ratings/inclusive-growth"),
                rating("x", "transcendent", "fully", 0)),
            400);
    assertThat(problem.get("field").asString()).isEqualTo("inclusive-growth.level");
    assertThat(problem.get("value").asString()).isEqualTo("transcendent");
    assertThat(problem.get("detail").asString())
        .contains("not-yet-emerging, emerging, established or expanding");
    JsonNode missing =
        call(
            alice,
            json(
                put(rounds(round) + "/my-ratings/inclusive-growth"),
                rating("x", "emerging", null, 0)),
            400);
    assertThat(missing.get("field").asString()).isEqualTo("inclusive-growth.fulfilment");
    assertThat(call(alice, get(rounds(round) + "/my-ratings"), 200).get("ratings")).isEmpty();
  }

  @Test
  void refusesRatingsAndAgreementsInAClosedRound() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    call(
        alice,
        json(
            put(rounds(round) + "/my-ratings/inclusive-growth"),
            rating("x", "emerging", "fully", 0)),
        200);
    call(admin, post(rounds(round) + "/close"), 200);
    JsonNode problem =
        call(
            alice,
            json(
                put(rounds(round) + "/my-ratings/inclusive-growth"),
                rating("x", "expanding", "fully", 1)),
            409);
    assertThat(problem.get("title").asString()).isEqualTo("Round closed");
    call(
        admin,
        json(
            put(rounds(round) + "/agreements/inclusive-growth"),
            "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"x\"}"),
        409);
    assertThat(
            call(alice, get(rounds(round) + "/my-ratings"), 200)
                .get("ratings")
                .get(0)
                .get("level")
                .asString())
        .isEqualTo("emerging");
  }

  @Test
  void submissionNeedsEveryAreaAndThenLocksTheAssessorsRatings() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    JsonNode problem = call(alice, post(rounds(round) + "/my-ratings/submit"), 400);
    assertThat(problem.get("detail").asString()).contains("Rate every area before submitting");
    StringBuilder all = new StringBuilder("{\"ratings\":[");
    catalogue
        .current()
        .areas()
        .forEach(a -> all.append(rating(a.id(), "emerging", "partly", 0)).append(','));
    all.setLength(all.length() - 1);
    all.append("]}");
    call(alice, json(put(rounds(round) + "/my-ratings"), all.toString()), 200);
    JsonNode submitted = call(alice, post(rounds(round) + "/my-ratings/submit"), 200);
    assertThat(submitted.get("submittedAt").isNull()).isFalse();
    JsonNode locked =
        call(
            alice,
            json(
                put(rounds(round) + "/my-ratings/inclusive-growth"),
                rating("x", "expanding", "fully", 1)),
            409);
    assertThat(locked.get("title").asString()).isEqualTo("Already submitted");
  }

  @Test
  void agreeingALevelKeepsEveryAssessorsRatingAsEntered() throws Exception {
    long round = openRound(admin, icb);
    invite(round, alice);
    call(
        alice,
        json(
            put(rounds(round) + "/my-ratings/health-technology"),
            rating("x", "emerging", "partly", 0)),
        200);
    JsonNode agreed =
        call(
            admin,
            json(
                put(rounds(round) + "/agreements/health-technology"),
                "{\"level\":\"established\",\"fulfilment\":\"partly\",\"rationale\":\"Joint digital plan signed off\",\"version\":0}"),
            200);
    assertThat(agreed.get("level").asString()).isEqualTo("established");
    assertThat(agreed.get("version").asInt()).isEqualTo(1);
    JsonNode area = area(call(admin, get(rounds(round) + "/moderation"), 200), "health-technology");
    assertThat(area.get("agreed").get("rationale").asString())
        .isEqualTo("Joint digital plan signed off");
    assertThat(area.get("ratings").get(0).get("rating").get("level").asString())
        .isEqualTo("emerging");
    // A second administrator working from the old version cannot overwrite it.
    call(
        admin,
        json(
            put(rounds(round) + "/agreements/health-technology"),
            "{\"level\":\"expanding\",\"fulfilment\":\"fully\",\"rationale\":\"x\",\"version\":0}"),
        409);
    JsonNode missingRationale =
        call(
            admin,
            json(
                put(rounds(round) + "/agreements/health-technology"),
                "{\"level\":\"expanding\",\"fulfilment\":\"fully\",\"rationale\":\" \",\"version\":1}"),
            400);
    assertThat(missingRationale.get("field").asString()).isEqualTo("rationale");
  }

  @Test
  void milestonesAimAtTheNextLevelAndOverdueOnesAreFlagged() throws Exception {
    long round = openRound(admin, icb);
    call(
        admin,
        json(
            put(rounds(round) + "/agreements/acting-as-an-anchor"),
            "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"Supplier map done\"}"),
        200);
    JsonNode added =
        call(
            alice,
            json(
                post(rounds(round) + "/milestones"),
                "{\"areaId\":\"acting-as-an-anchor\",\"action\":\"Agree a social value procurement policy\",\"owner\":\"ICB director of finance\",\"partners\":[\"City council\",\"VCSE alliance\"],\"dueDate\":\"2020-03-31\"}"),
            201);
    assertThat(added.get("targetLevel").asString()).isEqualTo("established");
    assertThat(added.get("targetDescriptor").asString()).contains("social value");
    assertThat(added.get("overdue").asBoolean()).isTrue();
    assertThat(added.get("partners").get(1).asString()).isEqualTo("VCSE alliance");
    JsonNode done =
        call(
            alice,
            json(
                put(rounds(round) + "/milestones/" + added.get("id").asLong()),
                "{\"areaId\":\"acting-as-an-anchor\",\"targetLevel\":\"established\",\"action\":\"Agree a social value procurement policy\",\"owner\":\"ICB director of finance\",\"dueDate\":\"2020-03-31\",\"status\":\"done\",\"version\":1}"),
            200);
    assertThat(done.get("overdue").asBoolean()).isFalse();
    JsonNode badDate =
        call(
            alice,
            json(
                post(rounds(round) + "/milestones"),
                "{\"areaId\":\"acting-as-an-anchor\",\"action\":\"a\",\"owner\":\"o\"}"),
            400);
    assertThat(badDate.get("field").asString()).isEqualTo("dueDate");
  }

  @Test
  void progressShowsEachRoundSideBySideAndWhatMovedWithTheRationale() throws Exception {
    String ics = fixtures.icbCodes().get(5);
    Person lead = fixtures.person("Progress Lead", ics, WorkspaceRole.ICS_ADMIN);
    long first = openRound(lead, ics);
    call(
        lead,
        json(
            put(API + ics + "/maturity/rounds/" + first + "/agreements/universities-and-colleges"),
            "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"Mapped courses\"}"),
        200);
    long second = openRound(lead, ics);
    call(
        lead,
        json(
            put(API + ics + "/maturity/rounds/" + second + "/agreements/universities-and-colleges"),
            "{\"level\":\"established\",\"fulfilment\":\"partly\",\"rationale\":\"Joint research board set up\"}"),
        200);
    JsonNode progress = call(lead, get(API + ics + "/maturity/progress"), 200);
    assertThat(progress.get("rounds")).hasSize(2);
    JsonNode movement = progress.get("movements").get(0);
    assertThat(movement.get("areaTitle").asString())
        .isEqualTo("Working with universities and colleges");
    assertThat(movement.get("direction").asString()).isEqualTo("up");
    assertThat(movement.get("rationale").asString()).isEqualTo("Joint research board set up");
    mvc.perform(get("/workspaces/" + ics + "/maturity/progress").with(lead.session()))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("<svg")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("Joint research board set up")));
  }

  @Test
  void aNewFrameworkVersionLeavesOldRoundsOnTheirVersion() throws Exception {
    long before = openRound(admin, icb);
    String v1 = call(null, get("/api/v1/maturity/frameworks/current"), 200).toString();
    String version = "test-" + System.nanoTime();
    String v2 =
        v1.replaceFirst("\"version\":\"[^\"]+\"", "\"version\":\"" + version + "\"")
            .replace(
                "Supporting economic development and recovery",
                "Economic development and recovery");
    JsonNode forbidden = call(admin, json(post("/api/v1/admin/maturity/frameworks"), v2), 403);
    assertThat(forbidden).isNotNull();
    Person platform = fixtures.platformAdmin();
    call(platform, json(post("/api/v1/admin/maturity/frameworks"), v2), 201);
    try {
      assertThat(
              call(admin, get(rounds(before)), 200).get("round").get("frameworkVersion").asString())
          .isEqualTo("1");
      long after = openRound(admin, icb);
      JsonNode detail = call(admin, get(rounds(after)), 200);
      assertThat(detail.get("round").get("frameworkVersion").asString()).isEqualTo(version);
      assertThat(detail.get("domains").get(0).get("areas").get(0).get("title").asString())
          .isEqualTo("Economic development and recovery");
      assertThat(
              call(admin, get(rounds(before)), 200)
                  .get("domains")
                  .get(0)
                  .get("areas")
                  .get(0)
                  .get("title")
                  .asString())
          .isEqualTo("Supporting economic development and recovery");
      JsonNode invalid =
          call(
              platform,
              json(
                  post("/api/v1/admin/maturity/frameworks"),
                  v2.replace("\"expanding\"", "\"exploding\"").replace(version, version + "b")),
              400);
      assertThat(invalid.get("field").asString()).endsWith(".level");
    } finally {
      // Put version 1's text back as the current version for the other tests.
      String restore =
          v1.replaceFirst("\"version\":\"[^\"]+\"", "\"version\":\"" + version + "-restored\"");
      call(platform, json(post("/api/v1/admin/maturity/frameworks"), restore), 201);
    }
  }

  @Test
  void anAreaAddedByAnIcsJoinsItsNextRoundOnly() throws Exception {
    String ics = fixtures.icbCodes().get(6);
    Person lead = fixtures.person("Area Lead", ics, WorkspaceRole.ICS_ADMIN);
    long before = openRound(lead, ics);
    JsonNode added =
        call(
            lead,
            json(
                post(API + ics + "/maturity/areas"),
                "{\"domainId\":\"operations-and-delivery\",\"title\":\"Community wealth building\",\"summary\":\"Local ownership\",\"levels\":[{\"level\":\"emerging\",\"descriptor\":\"A\"},{\"level\":\"established\",\"descriptor\":\"B\"},{\"level\":\"expanding\",\"descriptor\":\"C\"}]}"),
            201);
    assertThat(added.get("id").asString()).isEqualTo("ics-community-wealth-building");
    long after = openRound(lead, ics);
    assertThat(call(lead, get(API + ics + "/maturity/rounds/" + after), 200).toString())
        .contains("Community wealth building");
    assertThat(call(lead, get(API + ics + "/maturity/rounds/" + before), 200).toString())
        .doesNotContain("Community wealth building");
    assertThat(call(null, get("/api/v1/maturity/frameworks/current"), 200).toString())
        .doesNotContain("Community wealth building");
  }

  // Benchmark

  @Test
  void theBenchmarkIsHiddenBelowFiveSystemsAndNamesOnlyThoseThatPublish() throws Exception {
    List<String> codes = fixtures.icbCodes().subList(30, 36);
    // The first system is named; the five others share without their names, at two levels.
    List<String> levels =
        List.of("established", "established", "established", "emerging", "emerging", "established");
    List<Person> leads = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      Person lead = fixtures.person("Lead " + code, code, WorkspaceRole.ICS_ADMIN);
      leads.add(lead);
      long round = openRound(lead, code);
      call(
          lead,
          json(
              put(API + code + "/maturity/rounds/" + round + "/agreements/tackling-climate-change"),
              "{\"level\":\""
                  + levels.get(i)
                  + "\",\"fulfilment\":\"fully\",\"rationale\":\"Green plan aligned\"}"),
          200);
    }
    for (int i = 0; i < 4; i++) {
      share(leads.get(i), codes.get(i), i == 0);
    }
    JsonNode hidden = call(null, get("/api/v1/maturity/benchmark"), 200);
    assertThat(hidden.get("suppressed").asBoolean()).isTrue();
    assertThat(hidden.get("publishedSystems")).isEmpty();
    assertThat(hidden.get("areas").get(0).get("counts").isNull()).isTrue();

    // Five systems share, one of them named: subtracting the named one's level from the counts
    // would reveal the four others', so the area counts the named system alone (and is hidden).
    share(leads.get(4), codes.get(4), false);
    JsonNode four = call(null, get("/api/v1/maturity/benchmark"), 200);
    assertThat(four.get("suppressed").asBoolean()).isFalse();
    assertThat(climate(four).get("counts").isNull()).isTrue();

    // A fifth anonymous system, at another level than some of the others: now they can be counted.
    share(leads.get(5), codes.get(5), false);
    JsonNode shown = call(null, get("/api/v1/maturity/benchmark"), 200);
    assertThat(shown.get("suppressed").asBoolean()).isFalse();
    assertThat(shown.get("systemsSharing").asInt()).isGreaterThanOrEqualTo(6);
    JsonNode climate = climate(shown);
    assertThat(climate.get("counts").get("established").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(climate.get("counts").get("emerging").asInt()).isGreaterThanOrEqualTo(2);
    List<String> named = new ArrayList<>();
    shown.get("publishedSystems").forEach(p -> named.add(p.get("name").asString()));
    String publishedName = geography.icb(codes.get(0)).orElseThrow().shortName();
    assertThat(named).contains(publishedName);
    for (int i = 1; i < 6; i++) {
      assertThat(named).doesNotContain(geography.icb(codes.get(i)).orElseThrow().shortName());
    }
    assertThat(shown.toString()).doesNotContain(codes.get(1));
  }

  private void share(Person lead, String code, boolean named) throws Exception {
    call(
        lead,
        json(
            put(API + code + "/maturity/sharing"),
            "{\"shareLevels\":true,\"publishName\":" + named + "}"),
        200);
  }

  private static JsonNode climate(JsonNode benchmark) {
    for (JsonNode a : benchmark.get("areas")) {
      if (a.get("areaId").asString().equals("tackling-climate-change")) {
        return a;
      }
    }
    throw new AssertionError("no tackling-climate-change area");
  }
}
