package org.fourthpurpose.account;

/** A person who can sign in. */
public record Account(
    long id, String email, String displayName, boolean platformAdmin, boolean enabled) {}
