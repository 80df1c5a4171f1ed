package org.fourthpurpose.anchor.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * What a workspace publishes of its anchor system, and nothing more, reaches the public page, the
 * public API, the public CSV and other systems' peer comparisons; the cached public page follows
 * every change. Hampshire and Isle of Wight with its two nearest neighbours: the first publishes
 * its commitments, the second never does.
 */
@ApplicationTest
class AnchorSharingIntegrationTest {

  static final String ICB = "E54000042";
  static final String PROMISE = "Train 50 local health care assistants";
  static final String SECRET = "Quietly keep this promise unpublished";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired PeerGroups peers;
  @Autowired Geography geography;
  @Autowired JdbcTemplate jdbc;

  static AnchorFixture fixture;
  static Person admin;
  static Person editor;
  static Person viewer;
  static String published;
  static String hidden;
  static Person publishedAdmin;
  static Person hiddenAdmin;
  static long trust;

  @BeforeEach
  void threeSystemsWithCommitments() throws Exception {
    if (fixture == null) {
      fixture = new AnchorFixture(mvc, accounts);
      List<String> neighbours = new ArrayList<>();
      peers.nearestNeighbours(ICB).forEach(n -> neighbours.add(n.icbCode()));
      published = neighbours.get(0);
      hidden = neighbours.get(1);
      admin = fixture.person(ICB, WorkspaceRole.ICS_ADMIN);
      editor = fixture.person(ICB, WorkspaceRole.EDITOR);
      viewer = fixture.person(ICB, WorkspaceRole.VIEWER);
      publishedAdmin = fixture.person(published, WorkspaceRole.ICS_ADMIN);
      hiddenAdmin = fixture.person(hidden, WorkspaceRole.ICS_ADMIN);
      trust = fixture.organisation(editor, ICB, "Solent Anchor Trust", "nhs-trust", 900);
      fixture.commitment(
          editor, ICB, trust, "employment", PROMISE, List.of("employment"), List.of(), "planned");
      long council =
          fixture.organisation(
              publishedAdmin, published, "Peer Anchor Council", "local-authority", null);
      fixture.commitment(
          publishedAdmin,
          published,
          council,
          "estates",
          "Open land for homes",
          List.of("housing"),
          List.of(),
          "under-way");
      publish(publishedAdmin, published, false, true, false);
      long secret =
          fixture.organisation(
              hiddenAdmin, hidden, "Hidden Anchor Housing", "housing-association", null);
      fixture.commitment(
          hiddenAdmin, hidden, secret, "estates", SECRET, List.of("housing"), List.of(), "planned");
    }
    publish(admin, ICB, false, false, false);
  }

  private JsonNode publish(
      Person who, String icb, boolean register, boolean commitments, boolean system)
      throws Exception {
    return fixture.json(
        fixture.expect(
            who.bearer(
                put("/api/v1/workspaces/" + icb + "/anchors/publication")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"register\":"
                            + register
                            + ",\"commitments\":"
                            + commitments
                            + ",\"system\":"
                            + system
                            + "}")),
            200));
  }

  private List<String> systems(String peersJson) {
    List<String> systems = new ArrayList<>();
    fixture.json(peersJson).get("systems").forEach(s -> systems.add(s.get("icbCode").asString()));
    return systems;
  }

  private String ods(String icb) {
    return geography.requireIcb(icb).odsCode();
  }

  @Test
  void nothingIsPublicUntilTheWorkspacePublishesIt() throws Exception {
    for (String icb : List.of(ICB, hidden)) {
      String ods = ods(icb);
      fixture.get(null, "/ics/" + ods + "/anchors", 404);
      fixture.get(null, "/ics/" + icb + "/anchors", 404);
      fixture.get(null, "/ics/" + ods + "/anchors/commitments.csv", 404);
      fixture.get(null, "/ics/" + ods + "/anchors/peers", 404);
      JsonNode api = fixture.json(fixture.get(null, "/api/v1/icbs/" + ods + "/anchors", 200));
      assertThat(api.get("published").toString())
          .contains("\"register\":false", "\"commitments\":false", "\"system\":false");
      assertThat(List.of(api.get("organisations"), api.get("commitments"), api.get("system")))
          .allMatch(JsonNode::isNull);
      assertThat(systems(fixture.get(null, "/api/v1/icbs/" + ods + "/anchors/peers", 200)))
          .doesNotContain(icb, ICB, hidden);
    }
    // Signed in to another workspace changes nothing.
    fixture.get(publishedAdmin.session(), "/ics/" + ods(hidden) + "/anchors", 404);
    assertThat(
            fixture.getWithToken(publishedAdmin, "/api/v1/icbs/" + ods(hidden) + "/anchors", 200))
        .doesNotContain(SECRET, "Hidden Anchor Housing");
    fixture.getWithToken(
        publishedAdmin, "/api/v1/workspaces/" + hidden + "/anchors/publication", 403);
  }

  @Test
  void publishesOnlyThePartsChosenAndNeverOwnersOrEvidence() throws Exception {
    publish(admin, ICB, false, true, false);
    String page = fixture.get(null, "/ics/" + ods(ICB) + "/anchors", 200);
    assertThat(page).contains(PROMISE).contains("id=\"commitments-table\"");
    assertThat(page)
        .doesNotContain(
            "id=\"register-table\"", "id=\"network-chart-title\"", "id=\"findings-list\"");
    JsonNode api = fixture.json(fixture.get(null, "/api/v1/icbs/" + ICB + "/anchors", 200));
    assertThat(api.get("organisations").isNull()).isTrue();
    assertThat(api.get("system").isNull()).isTrue();
    assertThat(api.get("commitments").get(0).get("promise").asString()).isEqualTo(PROMISE);
    assertThat(api.get("commitments").get(0).has("owner")).isFalse();
    String csv = fixture.get(null, "/ics/" + ods(ICB) + "/anchors/commitments.csv", 200);
    assertThat(csv.split("\r\n")[0])
        .isEqualTo(
            "id,organisation,organisation_type,pillar,promise,themes,indicators,baseline,target,target_date,measure,status");
    assertThat(csv)
        .contains(
            "Solent Anchor Trust,NHS trust,Employment and good work,"
                + PROMISE
                + ",Employment and good work,,,,,,Planned");

    publish(admin, ICB, true, false, true);
    page = fixture.get(null, "/ics/" + ods(ICB) + "/anchors", 200);
    assertThat(page)
        .contains(
            "id=\"register-table\"",
            "id=\"network-chart-title\"",
            "id=\"findings-list\"",
            "Solent Anchor Trust");
    assertThat(page).doesNotContain("id=\"commitments-table\"");
    fixture.get(null, "/ics/" + ods(ICB) + "/anchors/commitments.csv", 404);
    api = fixture.json(fixture.get(null, "/api/v1/icbs/" + ICB + "/anchors", 200));
    assertThat(api.get("commitments").isNull()).isTrue();
    assertThat(api.get("system").get("organisations").asInt())
        .isEqualTo(api.get("organisations").size());
    assertThat(api.get("organisations").toString()).doesNotContain("contactOwner");
  }

  @Test
  void peersSeeOnlyNeighboursThatPublishedTheirCommitments() throws Exception {
    publish(admin, ICB, false, true, false);

    JsonNode comparison =
        fixture.json(fixture.get(null, "/api/v1/icbs/" + ICB + "/anchors/peers", 200));
    List<String> systems = new ArrayList<>();
    comparison.get("systems").forEach(s -> systems.add(s.get("icbCode").asString()));
    assertThat(systems).containsExactly(ICB, published);
    assertThat(comparison.get("pillars").get(0).get("counts").toString()).isEqualTo("[1,0]");
    assertThat(comparison.get("pillars").get(2).get("counts").toString()).isEqualTo("[0,1]");
    String page = fixture.get(null, "/ics/" + ods(ICB) + "/anchors/peers", 200);
    assertThat(page)
        .contains(geography.requireIcb(published).shortName())
        .doesNotContain(geography.requireIcb(hidden).shortName());

    // The hidden system's own members see their column; no one else sees it.
    String own =
        fixture.get(hiddenAdmin.session(), "/workspaces/" + hidden + "/anchors/peers", 200);
    assertThat(own).contains(geography.requireIcb(hidden).shortName());
    fixture.get(admin.session(), "/workspaces/" + hidden + "/anchors/peers", 403);
    fixture.get(null, "/ics/" + hidden + "/anchors/peers", 404);
    assertThat(systems(fixture.get(null, "/api/v1/icbs/" + hidden + "/anchors/peers", 200)))
        .doesNotContain(hidden);
  }

  @Test
  void theKeptPublicPageFollowsNewCommitmentsAndUnpublishing() throws Exception {
    publish(admin, ICB, false, true, false);
    String before = fixture.get(null, "/ics/" + ods(ICB) + "/anchors", 200);
    assertThat(before).doesNotContain("Open three community rooms");

    fixture.commitment(
        editor,
        ICB,
        trust,
        "partner-in-place",
        "Open three community rooms",
        List.of("communities"),
        List.of(),
        "planned");
    assertThat(fixture.get(null, "/ics/" + ods(ICB) + "/anchors", 200))
        .contains("Open three community rooms");

    publish(admin, ICB, false, false, false);
    fixture.get(null, "/ics/" + ods(ICB) + "/anchors", 404);
  }

  @Test
  void onlyAnIcsAdministratorOfTheWorkspaceChangesWhatIsPublishedAndEachChangeIsAudited()
      throws Exception {
    fixture.expect(
        editor.bearer(
            put("/api/v1/workspaces/" + ICB + "/anchors/publication")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"commitments\":true}")),
        403);
    fixture.expect(
        post("/workspaces/" + ICB + "/anchors/sharing")
            .with(editor.session())
            .with(csrf())
            .param("commitments", "true"),
        403);
    fixture.expect(
        publishedAdmin.bearer(
            put("/api/v1/workspaces/" + ICB + "/anchors/publication")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"commitments\":true}")),
        403);
    String viewerPage =
        fixture.get(viewer.session(), "/workspaces/" + ICB + "/anchors/sharing", 200);
    assertThat(viewerPage)
        .contains("Workspace only")
        .doesNotContain("action=\"/workspaces/" + ICB + "/anchors/sharing\"");
    assertThat(
            fixture.getWithToken(viewer, "/api/v1/workspaces/" + ICB + "/anchors/publication", 200))
        .contains("\"commitments\":false");

    Integer before =
        jdbc.queryForObject(
            "select count(*) from audit_entry where icb_code = ? and action = 'anchor-publication.changed'",
            Integer.class,
            ICB);
    fixture.expect(
        post("/workspaces/" + ICB + "/anchors/sharing")
            .with(admin.session())
            .with(csrf())
            .param("commitments", "true"),
        302);
    assertThat(publish(admin, ICB, false, true, false).get("commitments").asBoolean()).isTrue();
    Integer after =
        jdbc.queryForObject(
            "select count(*) from audit_entry where icb_code = ? and action = 'anchor-publication.changed'",
            Integer.class,
            ICB);
    assertThat(after - before)
        .as("the second, unchanged, publication is not a change")
        .isEqualTo(1);
  }
}
