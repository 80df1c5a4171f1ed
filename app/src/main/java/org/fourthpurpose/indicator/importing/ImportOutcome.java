package org.fourthpurpose.indicator.importing;

/**
 * What happened when a file was handed in: the import record, and whether the very same file had
 * already been accepted (then nothing was done).
 */
public record ImportOutcome(ImportRecord record, boolean alreadyImported) {}
