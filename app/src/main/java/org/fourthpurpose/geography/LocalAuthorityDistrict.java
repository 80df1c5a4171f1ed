package org.fourthpurpose.geography;

/** A lower-tier local authority district (E06/E07/E08/E09, May 2024) with its rural–urban class. */
public record LocalAuthorityDistrict(
    String code, String name, String regionCode, String ruralUrban, long population) {}
