package org.fourthpurpose.backup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a backup says about itself before its data: the format and its version, the product version
 * that wrote it, the ICS it came from, when, and each part's format version and entry counts per
 * section (checked against the data on restore).
 */
public record BackupHeader(
    String format,
    int formatVersion,
    String productVersion,
    String icbCode,
    OffsetDateTime exportedAt,
    List<Part> parts) {

  /** The name every backup gives its format. */
  public static final String FORMAT = "fourth-purpose-workspace-backup";

  /** The version of the document's layout this installation writes and reads up to. */
  public static final int FORMAT_VERSION = 1;

  /** One part's format version and the number of entries in each of its sections. */
  public record Part(String name, int formatVersion, Map<String, Long> counts) {

    /** All the part's entries. */
    public long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
