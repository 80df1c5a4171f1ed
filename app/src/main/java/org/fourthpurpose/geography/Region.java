package org.fourthpurpose.geography;

/** An ONS region of England (E12…). */
public record Region(String code, String name) {}
