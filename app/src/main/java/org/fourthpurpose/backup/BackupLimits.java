package org.fourthpurpose.backup;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * How large a backup this installation reads: the upload (compressed or not), the document once
 * decompressed, and each piece of it, so a crafted file cannot exhaust memory or disk. A backup of
 * a workspace with a few million imported values fits well within the defaults.
 *
 * @param maxUploadBytes the largest file accepted as sent (gzip or JSON)
 * @param maxDocumentBytes the largest document once decompressed
 * @param maxStringLength the longest text value (evidence, rationale, description)
 * @param maxFieldsPerEntry the most fields one entry may have
 * @param maxListItems the most texts one list field may have
 */
public record BackupLimits(
    long maxUploadBytes,
    long maxDocumentBytes,
    int maxStringLength,
    int maxFieldsPerEntry,
    int maxListItems) {

  /** Root, data, part, section, entry, list: six levels; the header's counts need four. */
  static final int MAX_NESTING_DEPTH = 6;

  static final int MAX_NAME_LENGTH = 100;

  static final int MAX_NUMBER_LENGTH = 50;

  /** The defaults, with the upload limit the installation uses for other files. */
  public static BackupLimits withUploadLimit(long maxUploadBytes) {
    return new BackupLimits(maxUploadBytes, 4L * 1024 * 1024 * 1024, 1_000_000, 64, 10_000);
  }

  /** A JSON factory whose parsers refuse anything deeper, longer or larger than these limits. */
  JsonFactory jsonFactory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(maxDocumentBytes)
                .maxStringLength(maxStringLength)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build())
        .build();
  }
}
