package org.fourthpurpose.indicator.importing;

import java.time.Instant;

/**
 * One import of a file into a workspace, as recorded.
 *
 * @param status VALIDATING, STORING, ACCEPTED, REJECTED or FAILED
 */
public record ImportRecord(
    long id,
    String workspaceIcbCode,
    String fileName,
    ImportFormat format,
    String checksum,
    String status,
    long rowsRead,
    long rowsStored,
    long errorCount,
    String message,
    Instant startedAt,
    Instant finishedAt) {

  public boolean finished() {
    return finishedAt != null;
  }

  public boolean accepted() {
    return "ACCEPTED".equals(status);
  }

  public boolean rejected() {
    return "REJECTED".equals(status);
  }
}
