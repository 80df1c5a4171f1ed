package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  static final Instant NINE_THIRTY = Instant.parse("2026-05-01T09:30:00.250Z");

  @Test
  void hashesTheDocumentedEncodingAsAnIndependentImplementationDoes() {
    // Worked out with Python's hashlib from the encoding the Javadoc and the README describe.
    String first =
        AuditHash.of(
            1,
            NINE_THIRTY,
            "ada@example.org (account 12)",
            "E54000008",
            "role.changed",
            "grace@example.org (account 13) in E54000008",
            "viewer",
            "editor",
            AuditHash.GENESIS);
    assertThat(first).isEqualTo("b35d0b8c1f1d18b5f04e67899a226e114a620e639264f4a0f17d41dbb41d9a80");
    String second =
        AuditHash.of(
            2,
            Instant.parse("2026-05-01T09:31:00.000001Z"),
            "bad@example.org",
            null,
            "sign-in.failed",
            "sign-in from 10.0.0.1",
            null,
            "refused: wrong email address or password",
            first);
    assertThat(second)
        .isEqualTo("91fa48b7b946e261736674b1b4fdab939be3dc463c1e4426ed659025068c9f64");
    // Lengths count UTF-8 bytes, not characters.
    assertThat(
            AuditHash.of(
                3,
                Instant.parse("2026-05-01T09:31:00.000001Z"),
                "Zoë",
                null,
                "group.created",
                "group 1 'Côte — “north”'",
                null,
                "x",
                second))
        .isEqualTo("377382afbcada3b19034c912534102db9765ab154eb1c1f5dfb5f936fa5021c4");
  }

  @Test
  void writesTimesInUtcWithAlwaysSixDecimals() {
    assertThat(AuditHash.time(Instant.parse("2026-05-01T09:30:00Z")))
        .isEqualTo("2026-05-01T09:30:00.000000Z");
    assertThat(AuditHash.time(NINE_THIRTY)).isEqualTo("2026-05-01T09:30:00.250000Z");
    assertThat(AuditHash.time(Instant.parse("2026-12-31T23:59:59.123456Z")))
        .isEqualTo("2026-12-31T23:59:59.123456Z");
  }

  @Test
  void tellsANullFromAnEmptyTextAndWhereOneFieldEndsAndTheNextBegins() {
    String withNull = hash("a", null);
    String withEmpty = hash("a", "");
    String split = hash("ab", "c");
    String otherSplit = hash("a", "bc");
    String dash = hash("a", "-");
    assertThat(java.util.List.of(withNull, withEmpty, split, otherSplit, dash))
        .doesNotHaveDuplicates();
  }

  @Test
  void everyFieldCountsTheSequenceTimeAndPreviousHashAmongThem() {
    String base = AuditHash.of(5, NINE_THIRTY, "a", "E1", "x.y", "s", "b", "c", AuditHash.GENESIS);
    assertThat(
            java.util.List.of(
                AuditHash.of(6, NINE_THIRTY, "a", "E1", "x.y", "s", "b", "c", AuditHash.GENESIS),
                AuditHash.of(
                    5,
                    NINE_THIRTY.plusNanos(1000),
                    "a",
                    "E1",
                    "x.y",
                    "s",
                    "b",
                    "c",
                    AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "A", "E1", "x.y", "s", "b", "c", AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "a", null, "x.y", "s", "b", "c", AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "a", "E1", "x.z", "s", "b", "c", AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "a", "E1", "x.y", "t", "b", "c", AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "a", "E1", "x.y", "s", null, "c", AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "a", "E1", "x.y", "s", "b", "d", AuditHash.GENESIS),
                AuditHash.of(5, NINE_THIRTY, "a", "E1", "x.y", "s", "b", "c", "1".repeat(64))))
        .doesNotContain(base)
        .doesNotHaveDuplicates();
    assertThat(base).matches("[0-9a-f]{64}");
  }

  private static String hash(String before, String after) {
    return AuditHash.of(1, NINE_THIRTY, "a", null, "x.y", "s", before, after, AuditHash.GENESIS);
  }
}
