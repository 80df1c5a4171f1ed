package org.fourthpurpose.account;

/** A personal access token as issued: the plain token is shown once and never stored. */
public record IssuedToken(long id, String token) {}
