package org.fourthpurpose.account;

/** What a person may do in one ICS workspace; each role includes the ones below it. */
public enum WorkspaceRole {
  ICS_ADMIN("ICS administrator", "an ICS administrator"),
  EDITOR("editor", "an editor"),
  VIEWER("viewer", "a viewer");

  private final String label;
  private final String withArticle;

  WorkspaceRole(String label, String withArticle) {
    this.label = label;
    this.withArticle = withArticle;
  }

  /** True when this role allows everything {@code other} allows. */
  public boolean includes(WorkspaceRole other) {
    return ordinal() <= other.ordinal();
  }

  /** The role's name in a sentence: "ICS administrator", "editor", "viewer". */
  public String label() {
    return label;
  }

  /** The role's name after "as": "an ICS administrator", "an editor", "a viewer". */
  public String withArticle() {
    return withArticle;
  }

  /** What the role lets a person do, in a line. */
  public String description() {
    return switch (this) {
      case ICS_ADMIN ->
          "Everything an editor can do, and invites people, changes their roles and runs"
              + " maturity rounds";
      case EDITOR ->
          "Everything a viewer can do, and imports data, saves groups and edits milestones";
      case VIEWER -> "Reads the workspace: imports, groups, maturity rounds, progress and reports";
    };
  }
}
