package org.fourthpurpose.impact.link;

/** Small text helpers for link labels. */
final class Texts {

  private Texts() {}

  /** The text, cut at {@code limit} characters with an ellipsis. */
  static String shorten(String text, int limit) {
    String t = text == null ? "" : text.strip();
    return t.length() <= limit ? t : t.substring(0, limit - 1) + "…";
  }
}
