package org.fourthpurpose.maturity;

/** What a system at this level does in one area of focus. */
public record LevelDescriptor(MaturityLevel level, String descriptor) {}
