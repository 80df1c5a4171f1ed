package org.fourthpurpose.anchor.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.coverage.Coverage.Committer;
import org.fourthpurpose.anchor.coverage.Coverage.Finding;
import org.fourthpurpose.anchor.coverage.Coverage.ThemeCoverage;
import org.junit.jupiter.api.Test;

/** Coverage against need on a small system worked out by hand. */
class CoverageTest {

  static final SystemNeeds NEEDS =
      new SystemNeeds(
          "QYG",
          "Testshire",
          "neighbours",
          "nearest neighbours",
          List.of(
              new ThemeNeeds(
                  "housing",
                  "Housing",
                  List.of(
                      need("h1", "Overcrowding", "housing", true, false),
                      need("h2", "Homelessness", "housing", false, true),
                      need("h3", "Affordability", "housing", false, false))),
              new ThemeNeeds(
                  "work",
                  "Work",
                  List.of(
                      need("w1", "Employment rate", "work", true, true),
                      need("w2", "Pay", "work", false, false))),
              new ThemeNeeds(
                  "skills",
                  "Skills",
                  List.of(
                      need("s1", "Apprenticeships", "skills", false, false),
                      need("s2", "Qualifications", "skills", false, false))),
              new ThemeNeeds(
                  "environment",
                  "Environment",
                  List.of(need("e1", "Air quality", "environment", true, false)))));

  static final List<AnchorOrganisation> ORGANISATIONS =
      List.of(
          organisation(4, "Damson Housing", OrganisationType.HOUSING_ASSOCIATION),
          organisation(2, "Birch Council", OrganisationType.LOCAL_AUTHORITY),
          organisation(1, "Alder Trust", OrganisationType.NHS_TRUST),
          organisation(3, "Cedar College", OrganisationType.FE_COLLEGE));

  static final List<AnchorStrategy> STRATEGIES =
      List.of(
          new AnchorStrategy(10, 1, "Alder anchor plan", null, null, "published"),
          new AnchorStrategy(11, 2, "Old Birch plan", null, null, "retired"),
          new AnchorStrategy(12, 3, "Cedar draft", null, null, "draft"));

  static final List<AnchorCommitment> COMMITMENTS =
      List.of(
          commitment(
              1, 1, Pillar.EMPLOYMENT, List.of("work"), List.of("w1"), CommitmentStatus.UNDER_WAY),
          commitment(2, 2, Pillar.EMPLOYMENT, List.of(), List.of("w2"), CommitmentStatus.PLANNED),
          commitment(
              3, 3, Pillar.ESTATES, List.of("housing"), List.of(), CommitmentStatus.ACHIEVED),
          commitment(
              4,
              4,
              Pillar.PROCUREMENT,
              List.of("environment"),
              List.of("e1"),
              CommitmentStatus.LAPSED),
          commitment(
              5,
              1,
              Pillar.PROCUREMENT,
              List.of("skills"),
              List.of("not-an-indicator"),
              CommitmentStatus.PLANNED),
          // An organisation of another register: ignored.
          commitment(
              6, 99, Pillar.ESTATES, List.of("environment"), List.of(), CommitmentStatus.PLANNED));

  static IndicatorNeed need(
      String id, String title, String theme, boolean england, boolean comparator) {
    return new IndicatorNeed(
        id,
        title,
        theme,
        england,
        comparator,
        england ? "Worse than England" : "Similar to England",
        comparator ? "Worse than nearest neighbours" : "Similar to nearest neighbours");
  }

  static AnchorOrganisation organisation(long id, String name, OrganisationType type) {
    return new AnchorOrganisation(
        id, "QYG", name, type, Map.of(), null, null, List.of(), null, null, false);
  }

  static AnchorCommitment commitment(
      long id,
      long organisation,
      Pillar pillar,
      List<String> themes,
      List<String> indicators,
      CommitmentStatus status) {
    return new AnchorCommitment(
        id,
        organisation,
        null,
        pillar,
        "Promise " + id,
        themes,
        indicators,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        status);
  }

  private final Coverage coverage = Coverage.of(NEEDS, ORGANISATIONS, STRATEGIES, COMMITMENTS);

  @Test
  void findsAThemeInNeedThatOnlyALapsedCommitmentAddressedAsAGap() {
    ThemeCoverage environment = coverage.themes().get(3);

    assertThat(environment.finding()).isEqualTo(Finding.GAP);
    assertThat(environment.inNeed()).isEqualTo(1);
    assertThat(environment.committed().organisations()).isEmpty();
    assertThat(environment.indicators().get(0).finding()).isEqualTo(Finding.GAP);
    assertThat(coverage.gaps()).extracting(ThemeCoverage::themeCode).containsExactly("environment");
  }

  @Test
  void findsTwoOrganisationsOnOneThemeThroughAThemeAndAnIndicatorAsJointFocus() {
    ThemeCoverage work = coverage.themes().get(1);

    assertThat(work.finding()).isEqualTo(Finding.JOINT_FOCUS);
    assertThat(work.committed().organisations())
        .containsExactly(new Committer(1, "Alder Trust"), new Committer(2, "Birch Council"));
    assertThat(work.committed().under(Pillar.EMPLOYMENT)).hasSize(2);
    assertThat(work.committed().under(Pillar.PROCUREMENT)).isEmpty();
    assertThat(work.indicators())
        .extracting(
            i ->
                i.need().indicatorId()
                    + " "
                    + i.finding()
                    + " "
                    + i.committed().organisations().size())
        .containsExactly("w1 COVERED 1", "w2 COVERED 1");
    assertThat(coverage.jointFocus()).extracting(ThemeCoverage::title).containsExactly("Work");
  }

  @Test
  void keepsIndicatorsInNeedThatNoCommitmentNamesAsGapsInsideACoveredTheme() {
    ThemeCoverage housing = coverage.themes().get(0);

    assertThat(housing.finding()).isEqualTo(Finding.COVERED);
    assertThat(housing.inNeed()).isEqualTo(2);
    assertThat(housing.committed().under(Pillar.ESTATES))
        .containsExactly(new Committer(3, "Cedar College"));
    assertThat(housing.indicators())
        .extracting(i -> i.finding())
        .containsExactly(Finding.GAP, Finding.GAP, Finding.NONE);
    assertThat(coverage.themes().get(2).finding()).isEqualTo(Finding.COVERED);
  }

  @Test
  void listsOrganisationsWithoutAStrategyOrWithOnlyARetiredOneForSpreadingSupport() {
    assertThat(coverage.organisations())
        .extracting(
            o ->
                o.name()
                    + "|"
                    + o.hasStrategy()
                    + "|"
                    + o.commitments()
                    + "|"
                    + o.pillars()
                    + "|"
                    + o.themes())
        .containsExactly(
            "Alder Trust|true|2|[EMPLOYMENT, PROCUREMENT]|[Work, Skills]",
            "Birch Council|false|1|[EMPLOYMENT]|[Work]",
            "Cedar College|true|1|[ESTATES]|[Housing]",
            "Damson Housing|false|0|[]|[]");
    assertThat(coverage.withoutStrategy()).extracting(o -> o.id()).containsExactly(2L, 4L);
    assertThat(coverage.commitments()).isEqualTo(4);
    assertThat(coverage.commitmentsByPillar())
        .containsExactly(
            Map.entry(Pillar.EMPLOYMENT, 2),
            Map.entry(Pillar.PROCUREMENT, 1),
            Map.entry(Pillar.ESTATES, 1),
            Map.entry(Pillar.ENVIRONMENT, 0),
            Map.entry(Pillar.PARTNER_IN_PLACE, 0));
  }

  @Test
  void saysWhatItFoundInFiveSentencesABoardReadsInAMinute() {
    assertThat(coverage.findings())
        .containsExactly(
            "Testshire is significantly worse than England or its nearest neighbours in one theme"
                + " that no commitment addresses: Environment (one indicator).",
            "In themes that do have commitments, 2 indicators in need are named by none:"
                + " Overcrowding and Homelessness.",
            "One theme has commitments from two or more organisations, candidates for joint focus:"
                + " Work (2 organisations).",
            "2 of the 4 organisations in the register have no anchor strategy yet, where support"
                + " could spread: Birch Council and Damson Housing.",
            "Of 4 live commitments, the most are under Employment and good work (2); none are under"
                + " Environment and net zero and Partner in place and civic role.");
  }

  @Test
  void saysSoWhenThereIsNoNeedNoCommitmentAndNoStrategy() {
    SystemNeeds calm =
        new SystemNeeds(
            "QYG",
            "Calmshire",
            "england",
            "England",
            List.of(
                new ThemeNeeds("work", "Work", List.of(need("w1", "Pay", "work", false, false)))));

    Coverage empty =
        Coverage.of(
            calm,
            List.of(organisation(1, "Alder Trust", OrganisationType.NHS_TRUST)),
            List.of(),
            List.of());

    assertThat(empty.themes().get(0).finding()).isEqualTo(Finding.NONE);
    assertThat(empty.findings())
        .containsExactly(
            "Calmshire is not significantly worse than England on any indicator of the profile.",
            "No theme has commitments from more than one organisation yet.",
            "The one organisation in the register has no anchor strategy yet, where support could"
                + " spread: Alder Trust.",
            "No organisation has recorded a live commitment yet.");
  }

  @Test
  void listsAtMostThreeNamesAndCountsTheRest() {
    assertThat(Findings.names(List.of("A"))).isEqualTo("A");
    assertThat(Findings.names(List.of("A", "B", "C", "D"))).isEqualTo("A, B, C and D");
    assertThat(Findings.names(List.of("A", "B", "C", "D", "E"))).isEqualTo("A, B, C and 2 more");
  }
}
