package org.fourthpurpose.reference;

import java.util.List;

/**
 * A versioned set of shipped reference files that one feature owns and loads into its own tables.
 *
 * <p>The loader computes a checksum from the version, the files' bytes and the checksums of the
 * datasets this one depends on; when it matches what is stored, nothing is done. Otherwise {@link
 * #replace} runs inside the loader's single transaction, and must delete the feature's previous
 * rows before inserting the new ones.
 */
public interface ReferenceDataset {

  /** A short stable name, e.g. {@code geography}. */
  String name();

  /** The version of the content; bump it when the files or their meaning change. */
  String version();

  /** The file names under {@code reference/} on the class path. */
  List<String> files();

  /** Names of datasets that must be loaded first, and whose change means this one is rebuilt. */
  default List<String> dependsOn() {
    return List.of();
  }

  /**
   * True for bulky datasets that the public pages do not need at start-up: they load in the
   * background once the application is serving (still all-or-nothing, in their own transaction),
   * unless background loading is switched off with {@code fp.reference.background-loading=false}.
   */
  default boolean loadsInBackground() {
    return false;
  }

  /** Deletes the previous rows and loads the files; returns the number of rows stored. */
  long replace(ReferenceFiles files);

  /** Access to this dataset's files by name. */
  interface ReferenceFiles {
    ReferenceFile file(String name);
  }
}
