package org.fourthpurpose.maturity;

/** The typical age of a system at a level: context for assessors, never a rule. */
public record AgeGuidance(MaturityLevel level, String guidance) {}
