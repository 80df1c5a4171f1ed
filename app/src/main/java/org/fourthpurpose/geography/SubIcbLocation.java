package org.fourthpurpose.geography;

/**
 * A sub-ICB location (E38…), a place within an ICB, successor of a clinical commissioning group.
 */
public record SubIcbLocation(
    String code, String odsCode, String name, String icbCode, long population) {}
