package org.fourthpurpose.anchor.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.Pillar;
import org.junit.jupiter.api.Test;

/** Two systems' commitments side by side, counted by hand. */
class PeerComparisonTest {

  @Test
  void countsLiveCommitmentsByPillarAndByThemeNamedDirectlyOrThroughAnIndicator() {
    Map<String, String> themes = new LinkedHashMap<>();
    themes.put("housing", "Housing");
    themes.put("work", "Work");
    PeerComparison comparison =
        PeerComparison.of(
            List.of(
                new PeerComparison.PeerCommitments(
                    "E1",
                    "Ours",
                    true,
                    List.of(
                        commitment(
                            Pillar.EMPLOYMENT,
                            List.of("work"),
                            List.of("w1"),
                            CommitmentStatus.PLANNED),
                        commitment(
                            Pillar.ESTATES,
                            List.of("housing"),
                            List.of(),
                            CommitmentStatus.ACHIEVED),
                        commitment(
                            Pillar.ESTATES,
                            List.of("housing"),
                            List.of(),
                            CommitmentStatus.LAPSED))),
                new PeerComparison.PeerCommitments(
                    "E2",
                    "Theirs",
                    false,
                    List.of(
                        commitment(
                            Pillar.EMPLOYMENT,
                            List.of(),
                            List.of("w1"),
                            CommitmentStatus.UNDER_WAY),
                        commitment(
                            Pillar.PROCUREMENT,
                            List.of("unknown"),
                            List.of(),
                            CommitmentStatus.PLANNED)))),
            themes,
            Map.of("w1", "work"));

    assertThat(comparison.systems())
        .extracting(c -> c.name() + " " + c.self() + " " + c.commitments())
        .containsExactly("Ours true 2", "Theirs false 2");
    assertThat(comparison.pillars())
        .extracting(r -> r.code() + " " + r.counts())
        .containsExactly(
            "employment [1, 1]",
            "procurement [0, 1]",
            "estates [1, 0]",
            "environment [0, 0]",
            "partner-in-place [0, 0]");
    assertThat(comparison.themes())
        .extracting(r -> r.label() + " " + r.counts())
        .containsExactly("Housing [1, 0]", "Work [1, 1]");
  }

  static AnchorCommitment commitment(
      Pillar pillar, List<String> themes, List<String> indicators, CommitmentStatus status) {
    return new AnchorCommitment(
        1,
        1,
        null,
        pillar,
        "p",
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
}
