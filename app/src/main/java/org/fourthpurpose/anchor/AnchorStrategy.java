package org.fourthpurpose.anchor;

import java.time.LocalDate;

/**
 * An organisation's anchor strategy (or the document that holds its anchor commitments).
 *
 * @param status {@code draft}, {@code published} or {@code retired}
 */
public record AnchorStrategy(
    long id, long organisationId, String title, String url, LocalDate publishedOn, String status) {}
