package org.fourthpurpose.anchor.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.fourthpurpose.csv.CsvReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Coverage against need and the connected system of Gloucestershire's register, built through the
 * register's own API and pages: the API, the CSV and the page say the same, need is what the
 * profile says, and no other workspace sees any of it.
 */
@ApplicationTest
class CoverageIntegrationTest {

  static final String ICB = "E54000043";
  static final String TRUST = "Severn Anchor Trust";
  static final String COLLEGE = "Cotswold Anchor College";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;

  static AnchorFixture fixture;
  static Person editor;
  static Person viewer;
  static long trust;
  static long college;

  @BeforeEach
  void aRegisterWithTwoCommittedOrganisations() throws Exception {
    if (fixture != null) {
      return;
    }
    fixture = new AnchorFixture(mvc, accounts);
    editor = fixture.person(ICB, WorkspaceRole.EDITOR);
    viewer = fixture.person(ICB, WorkspaceRole.VIEWER);
    trust = fixture.organisation(editor, ICB, TRUST, "nhs-trust", 1200);
    college = fixture.organisation(editor, ICB, COLLEGE, "fe-college", 300);
    fixture.strategy(editor, ICB, trust, "Severn anchor plan", "published");
    fixture.commitment(
        editor,
        ICB,
        trust,
        "employment",
        "Recruit 100 local apprentices",
        List.of("employment"),
        List.of("employment-rate"),
        "under-way");
    fixture.commitment(
        editor,
        ICB,
        college,
        "employment",
        "Recruit 100 local apprentices",
        List.of("skills", "employment"),
        List.of(),
        "planned");
    fixture.commitment(
        editor,
        ICB,
        college,
        "procurement",
        "Buy from local suppliers",
        List.of("local-economy"),
        List.of(),
        "lapsed");
  }

  private JsonNode api(String comparator) throws Exception {
    return fixture.json(
        fixture.getWithToken(
            viewer,
            "/api/v1/workspaces/" + ICB + "/anchors/coverage?comparator=" + comparator,
            200));
  }

  private static JsonNode theme(JsonNode coverage, String code) {
    for (JsonNode t : coverage.get("themes")) {
      if (t.get("themeCode").asString().equals(code)) {
        return t;
      }
    }
    throw new AssertionError("no theme " + code);
  }

  private static List<String> names(JsonNode organisations) {
    List<String> names = new ArrayList<>();
    organisations.forEach(o -> names.add(o.get("name").asString()));
    return names;
  }

  @Test
  void namesTwoOrganisationsOnOneThemeAsJointFocusAndLeavesALapsedCommitmentOut() throws Exception {
    JsonNode coverage = api("neighbours");

    JsonNode employment = theme(coverage, "employment");
    assertThat(employment.get("finding").asString()).isEqualTo("joint-focus");
    assertThat(names(employment.get("organisations"))).containsExactly(COLLEGE, TRUST);
    assertThat(names(employment.get("pillars").get("employment"))).containsExactly(COLLEGE, TRUST);
    assertThat(names(employment.get("pillars").get("procurement"))).isEmpty();
    JsonNode rate = null;
    for (JsonNode i : employment.get("indicators")) {
      if (i.get("indicatorCode").asString().equals("employment-rate")) {
        rate = i;
      }
    }
    assertThat(names(rate.get("organisations"))).containsExactly(TRUST);
    assertThat(names(theme(coverage, "skills").get("organisations"))).containsExactly(COLLEGE);
    assertThat(theme(coverage, "skills").get("finding").asString()).isEqualTo("covered");
    assertThat(names(theme(coverage, "local-economy").get("organisations"))).isEmpty();
    assertThat(coverage.get("commitments").asInt()).isEqualTo(2);
  }

  @Test
  void judgesNeedExactlyAsTheProfileComparesTheSystem() throws Exception {
    JsonNode coverage = api("neighbours");
    JsonNode profile =
        fixture.json(
            fixture.get(null, "/api/v1/icbs/" + ICB + "/profile?comparator=neighbours", 200));
    Map<String, Boolean> worse = new HashMap<>();
    for (JsonNode row : profile.get("indicators")) {
      worse.put(
          row.get("indicatorId").asString(),
          "worse".equals(row.get("comparisonWithEngland").asString())
              || "worse".equals(row.get("comparisonWithComparator").asString()));
    }
    int indicators = 0;
    int inNeed = 0;
    for (JsonNode t : coverage.get("themes")) {
      int themeNeed = 0;
      for (JsonNode i : t.get("indicators")) {
        String id = i.get("indicatorCode").asString();
        assertThat(i.get("inNeed").asBoolean()).as(id).isEqualTo(worse.get(id));
        themeNeed += i.get("inNeed").asBoolean() ? 1 : 0;
        indicators++;
      }
      assertThat(t.get("inNeed").asInt()).isEqualTo(themeNeed);
      if (themeNeed > 0 && t.get("organisations").isEmpty()) {
        assertThat(t.get("finding").asString()).isEqualTo("gap");
      }
      inNeed += themeNeed;
    }
    assertThat(indicators).isEqualTo(worse.size());
    assertThat(inNeed).isPositive();
  }

  @Test
  void theCsvAndThePageSayWhatTheApiSays() throws Exception {
    JsonNode coverage = api("region");
    String csv =
        fixture.get(
            viewer.session(),
            "/workspaces/" + ICB + "/anchors/coverage.csv?comparator=region",
            200);
    String page =
        fixture.get(
            viewer.session(), "/workspaces/" + ICB + "/anchors/coverage?comparator=region", 200);

    List<List<String>> rows = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new java.io.StringReader(csv))) {
      java.util.Optional<org.fourthpurpose.csv.CsvRecord> row;
      while ((row = reader.next()).isPresent()) {
        rows.add(row.get().fields());
      }
    }
    assertThat(rows.get(0).get(9)).isEqualTo("finding");
    int r = 1;
    for (JsonNode t : coverage.get("themes")) {
      List<String> themeRow = rows.get(r++);
      assertThat(themeRow.subList(0, 3))
          .containsExactly("theme", t.get("themeCode").asString(), t.get("title").asString());
      assertThat(themeRow.get(5)).isEqualTo(String.valueOf(t.get("inNeed").asInt()));
      assertThat(themeRow.get(9)).isEqualTo(t.get("finding").asString());
      assertThat(themeRow.get(10)).isEqualTo(String.join("; ", names(t.get("organisations"))));
      assertThat(page)
          .contains(
              "data-theme=\""
                  + t.get("themeCode").asString()
                  + "\" data-finding=\""
                  + t.get("finding").asString()
                  + "\"");
      for (JsonNode i : t.get("indicators")) {
        List<String> indicatorRow = rows.get(r++);
        assertThat(indicatorRow.get(3)).isEqualTo(i.get("indicatorCode").asString());
        assertThat(indicatorRow.get(5)).isEqualTo(i.get("inNeed").asBoolean() ? "1" : "0");
        assertThat(indicatorRow.get(9)).isEqualTo(i.get("finding").asString());
        assertThat(page)
            .contains(
                "data-indicator=\""
                    + i.get("indicatorCode").asString()
                    + "\" data-finding=\""
                    + i.get("finding").asString()
                    + "\"");
      }
    }
    assertThat(rows).hasSize(r);
    assertThat(coverage.get("findings")).hasSizeBetween(3, 5);
    for (JsonNode f : coverage.get("findings")) {
      assertThat(page).contains(HtmlUtils.htmlEscape(f.asString()));
    }
  }

  @Test
  void listsEverySeededOrganisationWithoutAStrategyWhereSupportCouldSpread() throws Exception {
    JsonNode coverage = api("neighbours");
    int without = 0;
    for (JsonNode o : coverage.get("organisations")) {
      if (!o.get("hasStrategy").asBoolean()) {
        without++;
      }
      if (o.get("name").asString().equals(TRUST)) {
        assertThat(o.get("hasStrategy").asBoolean()).isTrue();
        assertThat(o.get("commitments").asInt()).isEqualTo(1);
        assertThat(o.get("themes").toString()).isEqualTo("[\"Employment and good work\"]");
      }
    }
    int all = coverage.get("organisations").size();
    assertThat(all).isGreaterThan(2);
    assertThat(without).isEqualTo(all - 1);
    assertThat(coverage.get("findings").toString())
        .contains(
            without
                + " of the "
                + all
                + " organisations in the register have no anchor strategy yet");
  }

  @Test
  void drawsTheTwoOrganisationsLinkedAndCountsCommitmentsByPillarAndStatus() throws Exception {
    String page = fixture.get(viewer.session(), "/workspaces/" + ICB + "/anchors/system", 200);

    assertThat(page)
        .contains(
            "<title>"
                + TRUST
                + " and "
                + COLLEGE
                + ": both commit to Employment and good work; one joint commitment</title>")
        .contains("class=\"fp-chart__link fp-chart__link--2\"")
        .contains("id=\"network-chart-title\"");
    // Employment: one planned, one under way; procurement: one lapsed.
    assertThat(page.replaceAll("\\s+", " "))
        .contains(
            "data-pillar=\"employment\"><th scope=\"row\">Employment and good work</th> <td class=\"fp-table-numeric\" data-label=\"Planned\">1</td> <td class=\"fp-table-numeric\" data-label=\"Under way\">1</td> <td class=\"fp-table-numeric\" data-label=\"Achieved\">0</td>")
        .contains(
            "data-pillar=\"procurement\"><th scope=\"row\">Procurement and local spend</th> <td class=\"fp-table-numeric\" data-label=\"Planned\">0</td> <td class=\"fp-table-numeric\" data-label=\"Under way\">0</td> <td class=\"fp-table-numeric\" data-label=\"Achieved\">0</td> <td class=\"fp-table-numeric\" data-label=\"Lapsed\">1</td>");
  }

  @Test
  void noOneOutsideTheWorkspaceSeesItsCoverageOrSystem() throws Exception {
    Person other = fixture.person("E54000042", WorkspaceRole.ICS_ADMIN);

    fixture.getWithToken(other, "/api/v1/workspaces/" + ICB + "/anchors/coverage", 403);
    fixture.get(other.session(), "/workspaces/" + ICB + "/anchors/coverage", 403);
    fixture.get(other.session(), "/workspaces/" + ICB + "/anchors/coverage.csv", 403);
    fixture.get(other.session(), "/workspaces/" + ICB + "/anchors/system", 403);
    fixture.get(null, "/api/v1/workspaces/" + ICB + "/anchors/coverage", 401);
    fixture.getWithToken(
        viewer, "/api/v1/workspaces/" + ICB + "/anchors/coverage?comparator=moon", 400);
  }

  @Test
  void theKeptPageBodyFollowsANewCommitmentAndIsNeverShownToAnotherWorkspace() throws Exception {
    String page = "/workspaces/" + ICB + "/anchors/coverage";
    String before = fixture.get(viewer.session(), page, 200);
    assertThat(before).doesNotContain("Forest Anchor Housing");
    Person other = fixture.person("E54000042", WorkspaceRole.VIEWER);
    fixture.get(other.session(), page, 403);

    long housing =
        fixture.organisation(editor, ICB, "Forest Anchor Housing", "housing-association", null);
    fixture.commitment(
        editor,
        ICB,
        housing,
        "estates",
        "Build 200 homes for key workers",
        List.of("housing"),
        List.of(),
        "planned");

    String after = fixture.get(viewer.session(), page, 200).replaceAll("\\s+", " ");
    assertThat(after)
        .containsPattern(
            "data-theme=\"housing\" data-finding=\"[a-z-]+\">.*?data-pillar=\"estates\"><span>[^<]*Forest Anchor Housing");
    assertThat(fixture.get(viewer.session(), "/workspaces/" + ICB + "/anchors/system", 200))
        .contains("Forest Anchor Housing");
    fixture.get(other.session(), "/workspaces/" + ICB + "/anchors/system", 403);
  }
}
