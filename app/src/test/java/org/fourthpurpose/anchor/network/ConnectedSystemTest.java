package org.fourthpurpose.anchor.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.ProgressionLevel;
import org.fourthpurpose.anchor.StatusChange;
import org.fourthpurpose.chart.NetworkChart;
import org.junit.jupiter.api.Test;

/** The connected anchor system of three organisations, worked out by hand. */
class ConnectedSystemTest {

  static final Map<String, String> THEMES = new LinkedHashMap<>();

  static {
    THEMES.put("housing", "Housing");
    THEMES.put("work", "Work");
  }

  private final ConnectedSystem system =
      ConnectedSystem.of(
          List.of(
              organisation(3, "Cedar College", OrganisationType.FE_COLLEGE, 50, null),
              organisation(2, "Birch Council", OrganisationType.LOCAL_AUTHORITY, null, "300"),
              organisation(1, "Alder Trust", OrganisationType.NHS_TRUST, 1000, "200.50")),
          List.of(
              commitment(
                  1,
                  1,
                  Pillar.EMPLOYMENT,
                  "Pay the real Living Wage.",
                  List.of("housing"),
                  List.of("w1"),
                  CommitmentStatus.UNDER_WAY),
              commitment(
                  2,
                  2,
                  Pillar.EMPLOYMENT,
                  "pay the  real living wage",
                  List.of("work"),
                  List.of(),
                  CommitmentStatus.PLANNED),
              commitment(
                  3,
                  2,
                  Pillar.ESTATES,
                  "Open land",
                  List.of("housing"),
                  List.of(),
                  CommitmentStatus.ACHIEVED),
              commitment(
                  4,
                  3,
                  Pillar.PROCUREMENT,
                  "Buy local",
                  List.of("housing"),
                  List.of(),
                  CommitmentStatus.LAPSED),
              commitment(
                  5,
                  99,
                  Pillar.PROCUREMENT,
                  "Elsewhere",
                  List.of("housing"),
                  List.of(),
                  CommitmentStatus.PLANNED)),
          List.of(
              new Progression(1, Pillar.EMPLOYMENT, ProgressionLevel.DEVELOPING, null, null),
              new Progression(2, Pillar.EMPLOYMENT, ProgressionLevel.DEVELOPING, null, null),
              new Progression(3, Pillar.ESTATES, ProgressionLevel.LEADING, null, null),
              new Progression(99, Pillar.ESTATES, ProgressionLevel.LEADING, null, null)),
          List.of(
              change(1, CommitmentStatus.PLANNED, "2026-02-10T09:00:00Z"),
              change(1, CommitmentStatus.UNDER_WAY, "2026-05-01T09:00:00Z"),
              change(2, CommitmentStatus.PLANNED, "2026-08-15T09:00:00Z"),
              change(3, CommitmentStatus.PLANNED, "2026-03-31T23:30:00Z"),
              change(3, CommitmentStatus.ACHIEVED, "2026-11-01T09:00:00Z"),
              change(5, CommitmentStatus.PLANNED, "2025-01-01T09:00:00Z")),
          THEMES,
          Map.of("w1", "work"),
          LocalDate.parse("2026-11-30"));

  @Test
  void keysOrganisationsByTypeThenNameAndLinksThoseSharingThemesOrAPromise() {
    assertThat(system.members())
        .extracting(m -> m.key() + " " + m.name() + " " + m.commitments() + " " + m.links())
        .containsExactly("1 Alder Trust 1 1", "2 Birch Council 2 1", "3 Cedar College 0 0");
    assertThat(system.links()).hasSize(1);
    ConnectedSystem.Link link = system.links().get(0);
    assertThat(link.themes()).containsExactly("Housing", "Work");
    assertThat(link.joint()).containsExactly("Pay the real Living Wage.");
    assertThat(link.weight()).isEqualTo(3);
    assertThat(link.description())
        .isEqualTo(
            "Alder Trust and Birch Council: both commit to Housing and Work; one joint commitment");
  }

  @Test
  void addsUpStaffSpendCommitmentsAndProgressionOfItsOwnOrganisationsOnly() {
    assertThat(system.staff()).isEqualTo(1050);
    assertThat(system.withoutStaff()).isEqualTo(1);
    assertThat(system.nonPaySpend()).isEqualByComparingTo("500.50");
    assertThat(system.withoutSpend()).isEqualTo(1);
    assertThat(system.byPillarAndStatus().get(Pillar.EMPLOYMENT))
        .containsEntry(CommitmentStatus.UNDER_WAY, 1)
        .containsEntry(CommitmentStatus.PLANNED, 1)
        .containsEntry(CommitmentStatus.ACHIEVED, 0);
    assertThat(system.byStatus().values()).containsExactly(1, 1, 1, 1);
    assertThat(system.commitments()).isEqualTo(4);
    assertThat(system.progression().get(Pillar.EMPLOYMENT).get(ProgressionLevel.DEVELOPING))
        .isEqualTo(2);
    assertThat(system.progression().get(Pillar.ESTATES).get(ProgressionLevel.LEADING)).isEqualTo(1);
  }

  @Test
  void countsEachCommitmentInItsLatestStatusAtTheEndOfEachQuarter() {
    assertThat(system.quarters())
        .extracting(
            q ->
                q.label()
                    + " "
                    + q.counts().get(CommitmentStatus.PLANNED)
                    + "/"
                    + q.counts().get(CommitmentStatus.UNDER_WAY)
                    + "/"
                    + q.counts().get(CommitmentStatus.ACHIEVED))
        .containsExactly("2026 Q1 2/0/0", "2026 Q2 1/1/0", "2026 Q3 2/1/0", "2026 Q4 1/1/1");
    assertThat(system.quarters().get(3).end()).isEqualTo(LocalDate.parse("2026-12-31"));
  }

  @Test
  void drawsTheSameNetworkEveryTime() {
    NetworkChart chart = system.chart();

    assertThat(chart).isEqualTo(system.chart());
    assertThat(chart.groups())
        .extracting(NetworkChart.Group::label)
        .containsExactly("NHS trust", "Local authority", "Further education college");
    assertThat(chart.links()).extracting(NetworkChart.Link::strength).containsExactly(2);
  }

  static AnchorOrganisation organisation(
      long id, String name, OrganisationType type, Integer staff, String spend) {
    return new AnchorOrganisation(
        id,
        "QYG",
        name,
        type,
        Map.of(),
        staff,
        spend == null ? null : new BigDecimal(spend),
        List.of(),
        null,
        null,
        false);
  }

  static AnchorCommitment commitment(
      long id,
      long organisation,
      Pillar pillar,
      String promise,
      List<String> themes,
      List<String> indicators,
      CommitmentStatus status) {
    return new AnchorCommitment(
        id,
        organisation,
        null,
        pillar,
        promise,
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

  static StatusChange change(long commitment, CommitmentStatus status, String at) {
    return new StatusChange(commitment, status, Instant.parse(at));
  }
}
