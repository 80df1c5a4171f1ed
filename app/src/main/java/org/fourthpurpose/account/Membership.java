package org.fourthpurpose.account;

/** A person's role in one ICS workspace. */
public record Membership(String icbCode, String workspaceName, WorkspaceRole role) {}
