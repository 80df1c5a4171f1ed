package org.fourthpurpose.question;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A policy (an act, a duty, a regime, a charter) or a funding programme a system can use, in one
 * version.
 *
 * @param id a stable code, e.g. {@code provider-selection-regime}
 * @param kind {@code policy} or {@code funding}
 * @param summary what it is, in a few sentences (our own words)
 * @param enables what it lets a system do
 * @param whoCanUse who can use it
 * @param status {@code open}, {@code closed} or {@code changing}
 * @param checked the date of the source text relied on when it was last checked
 * @param sourceUrl the public source
 * @param version 1 for the shipped text, then one more for each edit
 * @param editedBy who saved this version (the email address of a platform administrator), or null
 *     for the shipped version
 * @param editedAt when this version was saved
 */
public record Policy(
    String id,
    String kind,
    String name,
    String summary,
    String enables,
    String whoCanUse,
    String status,
    LocalDate checked,
    String sourceUrl,
    int version,
    String editedBy,
    Instant editedAt) {

  /** The kinds, as the API and files name them. */
  public static final java.util.List<String> KINDS = java.util.List.of("policy", "funding");

  /** The statuses, as the API and files name them. */
  public static final java.util.List<String> STATUSES =
      java.util.List.of("open", "closed", "changing");

  public boolean funding() {
    return "funding".equals(kind);
  }
}
