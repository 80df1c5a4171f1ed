package org.fourthpurpose.reference;

import java.time.Instant;

/** A dataset as recorded in the database after a load. */
public record LoadedDataset(
    String name, String version, String checksum, long rowCount, Instant loadedAt) {}
