package org.fourthpurpose.backup;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a restore did: the backup it read, the entries restored in each part, what it left out and
 * what the person should know.
 *
 * @param from the backup's header
 * @param parts each part restored, with its entries per section
 * @param skipped things in the backup that were left out, each saying why
 * @param notes anything else worth knowing
 */
public record RestoreResult(
    String icbCode,
    OffsetDateTime restoredAt,
    BackupHeader from,
    List<BackupHeader.Part> parts,
    List<String> skipped,
    List<String> notes) {}
