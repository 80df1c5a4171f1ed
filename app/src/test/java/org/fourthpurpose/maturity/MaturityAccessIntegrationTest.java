package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.maturity.Fixtures.Person;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Tries every forbidden action and checks it is refused and changes nothing. */
@org.fourthpurpose.ApplicationTest
class MaturityAccessIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired Geography geography;
  @Autowired JdbcClient jdbc;

  String icb;
  String otherIcb;
  Person admin;
  Person editor;
  Person viewer;
  Person otherAdmin;
  Person outsider;
  Person assessor;
  long round;
  String base;
  String pages;

  @BeforeEach
  void setUp() throws Exception {
    Fixtures fixtures = new Fixtures(accounts, geography);
    icb = fixtures.icbCodes().get(2);
    otherIcb = fixtures.icbCodes().get(3);
    admin = fixtures.person("Admin", icb, WorkspaceRole.ICS_ADMIN);
    editor = fixtures.person("Editor", icb, WorkspaceRole.EDITOR);
    viewer = fixtures.person("Viewer", icb, WorkspaceRole.VIEWER);
    otherAdmin = fixtures.person("Other Admin", otherIcb, WorkspaceRole.ICS_ADMIN);
    outsider = fixtures.person("Outsider", null, null);
    assessor = fixtures.person("Other Assessor", otherIcb, WorkspaceRole.EDITOR);
    String body =
        mvc.perform(
                admin.bearer(
                    post("/api/v1/workspaces/" + icb + "/maturity/rounds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.uniqueRoundName() + "\"}")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    round = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    base = "/api/v1/workspaces/" + icb + "/maturity/rounds/" + round;
    pages = "/workspaces/" + icb + "/maturity/rounds/" + round;
  }

  int statusOf(Person who, MockHttpServletRequestBuilder request) throws Exception {
    if (who != null) {
      who.bearer(request);
    }
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void anonymousCallersGetUnauthorisedFromThePrivateApiAndASignInRedirectFromPages()
      throws Exception {
    assertThat(statusOf(null, get(base))).isEqualTo(401);
    mvc.perform(get(pages)).andExpect(status().is3xxRedirection());
  }

  @Test
  void aViewerCanReadButCannotChangeAnything() throws Exception {
    assertThat(statusOf(viewer, get(base))).isEqualTo(200);
    assertThat(statusOf(viewer, get(base + "/moderation"))).isEqualTo(200);
    long rounds = count("maturity_round");
    long assessors = count("maturity_assessor");
    long agreements = count("maturity_agreement");
    long milestones = count("maturity_milestone");
    assertThat(
            statusOf(
                viewer,
                json(post("/api/v1/workspaces/" + icb + "/maturity/rounds"), "{\"name\":\"x1\"}")))
        .isEqualTo(403);
    assertThat(
            statusOf(
                viewer, json(post(base + "/assessors"), "{\"name\":\"N\",\"organisation\":\"O\"}")))
        .isEqualTo(403);
    assertThat(
            statusOf(
                viewer,
                json(
                    put(base + "/agreements/inclusive-growth"),
                    "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"r\"}")))
        .isEqualTo(403);
    assertThat(
            statusOf(
                viewer,
                json(
                    post(base + "/milestones"),
                    "{\"areaId\":\"inclusive-growth\",\"action\":\"a\",\"owner\":\"o\",\"dueDate\":\"2030-01-01\"}")))
        .isEqualTo(403);
    assertThat(statusOf(viewer, post(base + "/close"))).isEqualTo(403);
    assertThat(
            statusOf(
                viewer,
                json(
                    put("/api/v1/workspaces/" + icb + "/maturity/sharing"),
                    "{\"shareLevels\":true,\"publishName\":true}")))
        .isEqualTo(403);
    assertThat(
            statusOf(
                viewer,
                json(
                    post("/api/v1/workspaces/" + icb + "/maturity/areas"),
                    "{\"domainId\":\"relationships\",\"title\":\"t\"}")))
        .isEqualTo(403);
    // Pages too, with a valid CSRF token.
    mvc.perform(
            post("/workspaces/" + icb + "/maturity/rounds")
                .param("name", "x2")
                .with(viewer.session())
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(pages + "/agreements/inclusive-growth")
                .param("level", "emerging")
                .param("fulfilment", "fully")
                .param("rationale", "r")
                .with(viewer.session())
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post(pages + "/close").with(viewer.session()).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(count("maturity_round")).isEqualTo(rounds);
    assertThat(count("maturity_assessor")).isEqualTo(assessors);
    assertThat(count("maturity_agreement")).isEqualTo(agreements);
    assertThat(count("maturity_milestone")).isEqualTo(milestones);
    assertThat(statusOf(viewer, get(base))).isEqualTo(200);
  }

  @Test
  void anEditorMayPlanMilestonesButNotModerateOrRunTheRound() throws Exception {
    assertThat(
            statusOf(
                editor,
                json(
                    post(base + "/milestones"),
                    "{\"areaId\":\"inclusive-growth\",\"action\":\"a\",\"owner\":\"o\",\"dueDate\":\"2030-01-01\"}")))
        .isEqualTo(201);
    assertThat(
            statusOf(
                editor,
                json(
                    put(base + "/agreements/inclusive-growth"),
                    "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"r\"}")))
        .isEqualTo(403);
    assertThat(
            statusOf(
                editor, json(post(base + "/assessors"), "{\"name\":\"N\",\"organisation\":\"O\"}")))
        .isEqualTo(403);
    assertThat(statusOf(editor, post(base + "/close"))).isEqualTo(403);
  }

  @Test
  void anotherIcsCanSeeNothingOfThisRoundEvenWhenItIsAnAssessorThere() throws Exception {
    // Invite the other ICS's editor as an assessor here: they may rate, but not see the workspace.
    mvc.perform(
            admin.bearer(
                json(
                    post(base + "/assessors"),
                    "{\"organisation\":\"Neighbour ICB\",\"email\":\""
                        + assessor.account().email()
                        + "\"}")))
        .andExpect(status().isCreated());
    assertThat(statusOf(assessor, get(base + "/my-ratings"))).isEqualTo(200);
    assertThat(statusOf(assessor, get(base))).isEqualTo(403);
    assertThat(statusOf(assessor, get(base + "/moderation"))).isEqualTo(403);
    assertThat(statusOf(assessor, get(base + "/milestones"))).isEqualTo(403);
    assertThat(statusOf(assessor, get(base + "/report.pdf"))).isEqualTo(403);
    assertThat(statusOf(assessor, get(base + "/ratings.csv"))).isEqualTo(403);
    assertThat(statusOf(assessor, get("/api/v1/workspaces/" + icb + "/maturity/progress")))
        .isEqualTo(403);
    for (Person stranger : new Person[] {otherAdmin, outsider}) {
      assertThat(statusOf(stranger, get(base))).isEqualTo(403);
      assertThat(statusOf(stranger, get(base + "/moderation"))).isEqualTo(403);
      assertThat(statusOf(stranger, get(base + "/my-ratings"))).isEqualTo(403);
      assertThat(statusOf(stranger, get(base + "/ratings.xlsx"))).isEqualTo(403);
      assertThat(
              statusOf(
                  stranger,
                  json(
                      put(base + "/agreements/inclusive-growth"),
                      "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"r\"}")))
          .isEqualTo(403);
    }
    mvc.perform(get(pages + "/moderation").with(otherAdmin.session()))
        .andExpect(status().isForbidden());
    mvc.perform(get(pages + "/report").with(otherAdmin.session()))
        .andExpect(status().isForbidden());
    // The round's id under the other ICS's own path finds nothing.
    String foreignPath = "/api/v1/workspaces/" + otherIcb + "/maturity/rounds/" + round;
    assertThat(statusOf(otherAdmin, get(foreignPath))).isEqualTo(404);
    assertThat(
            statusOf(
                otherAdmin,
                json(
                    put(foreignPath + "/agreements/inclusive-growth"),
                    "{\"level\":\"emerging\",\"fulfilment\":\"fully\",\"rationale\":\"r\"}")))
        .isEqualTo(404);
    assertThat(count("maturity_agreement where round_id = " + round)).isZero();
  }

  @Test
  void aPersonalLinkOpensOnlyItsOwnRatingsAndAWrongLinkFindsNothing() throws Exception {
    String body =
        mvc.perform(
                admin.bearer(
                    json(
                        post(base + "/assessors"),
                        "{\"name\":\"Pat Partner\",\"organisation\":\"VCSE alliance\"}")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String link = body.replaceAll(".*\"personalLink\":\"([^\"]+)\".*", "$1");
    String path = link.substring(link.indexOf("/assess/"));
    assertThat(path.substring("/assess/".length())).hasSize(43);
    assertThat(count("maturity_assessor where link_token_hash = '" + path.substring(8) + "'"))
        .as("only the hash is stored")
        .isZero();
    mvc.perform(get(path))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Pat Partner")));
    // Without a CSRF token the form post is refused.
    mvc.perform(
            post(path)
                .param("level-inclusive-growth", "emerging")
                .param("fulfilment-inclusive-growth", "fully")
                .param("action", "save"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(path)
                .with(csrf())
                .param("level-inclusive-growth", "emerging")
                .param("fulfilment-inclusive-growth", "fully")
                .param("action", "save"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            count(
                "maturity_rating r join maturity_assessor a on a.id = r.assessor_id where a.round_id = "
                    + round))
        .isEqualTo(1);
    mvc.perform(get("/assess/" + "A".repeat(43))).andExpect(status().isNotFound());
    // The assessor is recorded as reached by a personal link, not as an account holder.
    String assessors =
        mvc.perform(admin.bearer(get(base + "/assessors")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(assessors).containsPattern("\"name\":\"Pat Partner\"[^}]*\"personalLink\":true");
    String csv =
        mvc.perform(admin.bearer(get(base + "/ratings.csv")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv).containsPattern("Pat Partner,VCSE alliance,true,");
    // The link is no key to the workspace.
    mvc.perform(get(pages + "/moderation")).andExpect(status().is3xxRedirection());

    // The same link works through the API, for that assessor's ratings only.
    String token = path.substring("/assess/".length());
    mvc.perform(get("/api/v1/assess/" + token))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Pat Partner")))
        .andExpect(content().string(Matchers.containsString("inclusive-growth")));
    mvc.perform(
            json(
                put("/api/v1/assess/" + token + "/ratings/tackling-climate-change"),
                "{\"level\":\"established\",\"fulfilment\":\"partly\",\"evidence\":\"Green plan\"}"))
        .andExpect(status().isOk());
    assertThat(
            count(
                "maturity_rating r join maturity_assessor a on a.id = r.assessor_id where a.round_id = "
                    + round))
        .isEqualTo(2);
    mvc.perform(
            json(
                put("/api/v1/assess/" + token + "/ratings/no-such-area"),
                "{\"level\":\"established\",\"fulfilment\":\"partly\"}"))
        .andExpect(status().is4xxClientError());
    mvc.perform(get("/api/v1/assess/" + "A".repeat(43))).andExpect(status().isNotFound());
    assertThat(
            count(
                "maturity_rating r join maturity_assessor a on a.id = r.assessor_id where a.round_id = "
                    + round))
        .isEqualTo(2);
  }

  @Test
  void onlyAPlatformAdministratorMayPublishAFrameworkVersion() throws Exception {
    assertThat(statusOf(admin, json(post("/api/v1/admin/maturity/frameworks"), "{}")))
        .isEqualTo(403);
    mvc.perform(get("/admin/maturity/frameworks").with(admin.session()))
        .andExpect(status().isForbidden());
  }

  @Test
  void workspaceRoutesTakeTheOdsCodeAsTheSameSystemAndRefuseAnUnknownCode() throws Exception {
    String ods = geography.icb(icb).orElseThrow().odsCode();
    String viaOns =
        mvc.perform(admin.bearer(get("/api/v1/workspaces/" + icb + "/maturity/rounds")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String viaOds =
        mvc.perform(
                admin.bearer(get("/api/v1/workspaces/" + ods.toLowerCase() + "/maturity/rounds")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(viaOds).isEqualTo(viaOns).contains("\"id\":" + round);

    int before = jdbc.sql("select count(*) from maturity_round").query(Integer.class).single();
    assertThat(
            statusOf(
                admin,
                json(post("/api/v1/workspaces/NOPE1/maturity/rounds"), "{\"name\":\"Split\"}")))
        .isEqualTo(404);
    assertThat(
            mvc.perform(get("/workspaces/NOPE1/maturity").with(admin.session()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from maturity_round").query(Integer.class).single())
        .isEqualTo(before);
  }
}
