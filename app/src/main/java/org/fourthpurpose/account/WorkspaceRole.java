package org.fourthpurpose.account;

/** What a person may do in one ICS workspace; each role includes the ones below it. */
public enum WorkspaceRole {
  ICS_ADMIN,
  EDITOR,
  VIEWER;

  /** True when this role allows everything {@code other} allows. */
  public boolean includes(WorkspaceRole other) {
    return ordinal() <= other.ordinal();
  }
}
