package org.fourthpurpose.impact;

import java.util.Objects;

/**
 * Something a measure can be linked to: a proposition, an anchor commitment, a maturity milestone
 * or a catalogue indicator, as the module that owns it describes it.
 *
 * <p>Most targets have a numeric {@code id}. Catalogue indicators are identified by text (for
 * example {@code fuel-poverty}): they carry it in {@code code} and have {@code id} 0. {@link
 * #key()} gives the one identifier to store and compare either way.
 *
 * @param kind e.g. {@code proposition}, {@code anchor-commitment}, {@code maturity-milestone},
 *     {@code indicator}
 * @param label what a reader sees, e.g. the proposition's title
 * @param status where it stands, in words (e.g. "Under way"), or null when it has no status
 * @param url the page that shows it, relative to the site root
 * @param code the text identifier for targets without a numeric id, otherwise null
 */
public record LinkTarget(
    String kind, long id, String label, String status, String url, String code) {

  public LinkTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
  }

  /** A target with a numeric id. */
  public LinkTarget(String kind, long id, String label, String status, String url) {
    this(kind, id, label, status, url, null);
  }

  /** The identifier to store: the code when there is one, otherwise the id in decimal. */
  public String key() {
    return code != null ? code : Long.toString(id);
  }
}
