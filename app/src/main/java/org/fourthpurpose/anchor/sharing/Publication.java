package org.fourthpurpose.anchor.sharing;

import java.time.Instant;

/**
 * What a workspace has published of its anchor system.
 *
 * @param system the connected system (network, totals, change over time) and its coverage against
 *     need, which names the organisations committed to each theme
 * @param updatedAt null when the workspace has never published anything
 */
public record Publication(
    String icbCode,
    boolean register,
    boolean commitments,
    boolean system,
    String updatedBy,
    Instant updatedAt) {

  static Publication none(String icbCode) {
    return new Publication(icbCode, false, false, false, null, null);
  }

  public boolean any() {
    return register || commitments || system;
  }

  /** e.g. "register, commitments", for the audit log. */
  String summary() {
    StringBuilder s = new StringBuilder();
    append(s, register, "register");
    append(s, commitments, "commitments");
    append(s, system, "connected system");
    return s.isEmpty() ? "nothing published" : s.toString();
  }

  private static void append(StringBuilder s, boolean on, String name) {
    if (on) {
      s.append(s.isEmpty() ? "" : ", ").append(name);
    }
  }
}
