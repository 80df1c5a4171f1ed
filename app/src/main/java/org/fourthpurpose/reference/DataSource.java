package org.fourthpurpose.reference;

import java.util.List;

/**
 * Where a shipped dataset comes from, under what licence, and the attribution the licence asks for.
 */
public record DataSource(
    String id,
    String title,
    String publisher,
    String vintage,
    String licence,
    String attribution,
    List<String> files,
    String via,
    String use) {

  /** Every shipped dataset's source, from the {@code reference/*sources.json} registries. */
  public static List<DataSource> shipped() {
    try {
      return AboutDataController.readSources();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("The data sources registry could not be read", e);
    }
  }
}
