package org.fourthpurpose.anchor.commitment;

/**
 * An anchor strategy as a person types it, every field text.
 *
 * @param publishedOn a date as yyyy-mm-dd or dd/mm/yyyy, or empty
 * @param status {@code draft}, {@code published} or {@code retired}
 */
record StrategyDraft(String title, String url, String publishedOn, String status) {}
