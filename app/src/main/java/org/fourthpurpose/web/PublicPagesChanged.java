package org.fourthpurpose.web;

/**
 * Published when something shown on cached public pages changes other than reference data, such as
 * a group of systems being published, so that {@link PublicPageCache} forgets its pages and the
 * page bodies it keeps for signed-in people.
 */
public record PublicPagesChanged(String reason) {}
